/**
 * etcd's CPU per write when writes arrive alone against when they arrive together (the reason lease
 * renewals pass a BatchGate in apps/apiserver/src/nodes/heartbeat.ts). 100 puts a second of ~400-byte
 * values for 10 s, to keys of 1,000 leases: first one at a time every 10 ms (what 1,000 nodes renewing
 * every 10 s look like), then in groups of 20 every 200 ms; each put is still its own request and
 * revision. etcd's CPU from /proc. Run twice in turn so a change in the machine shows.
 */
import { Etcd3 } from 'etcd3';
import { startEtcd } from '@tugboat/store';
import { log, renderTable } from './report.js';
import type { Row } from './report.js';
import { childPid, cpuSecondsOf } from './stats-cpu.js';

const PER_SECOND = 100;
const SECONDS = 10;
const GROUP = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const etcd = await startEtcd();
const client = new Etcd3({ hosts: etcd.endpoint });
try {
  const pid = childPid(process.pid, 'etcd');
  if (pid === undefined) throw new Error('cannot find the etcd process');
  const value = 'x'.repeat(400);
  let key = 0;
  const run = async (group: number): Promise<number> => {
    const cpu0 = cpuSecondsOf(pid);
    const puts = PER_SECOND * SECONDS;
    for (let i = 0; i < puts / group; i++) {
      await Promise.all(Array.from({ length: group }, () => client.put(`/bench/leases/${key++ % 1000}`).value(value)));
      await sleep((1000 / PER_SECOND) * group);
    }
    return ((cpuSecondsOf(pid) - cpu0) * 1000) / puts;
  };
  await run(GROUP); // warm-up
  const rows: Row[] = [];
  for (const round of [1, 2]) {
    const alone = await run(1);
    const together = await run(GROUP);
    log(`round ${round}: alone ${alone.toFixed(2)} ms, in groups of ${GROUP} ${together.toFixed(2)} ms of etcd CPU per put`);
    rows.push(
      { name: `round ${round}: etcd CPU per put, one at a time`, value: `${alone.toFixed(2)} ms` },
      { name: `round ${round}: etcd CPU per put, ${GROUP} at a time`, value: `${together.toFixed(2)} ms (${((100 * together) / alone).toFixed(0)} % of alone)` },
    );
  }
  console.log(`\netcd write batching, ${PER_SECOND} puts/s for ${SECONDS} s per figure, ${new Date().toISOString()}\n`);
  console.log(renderTable(rows));
} finally {
  client.close();
  await etcd.close();
}
