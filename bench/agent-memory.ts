/**
 * Node agent memory (issue 3): RSS of the agent process alone (`node apps/cli/bin/tug.js agent`, the
 * built CLI, against a control plane in another process), idle (registered, no pods) and with N
 * running pods, read from /proc/<pid>/status (VmRSS, and VmHWM for the peak). Baselines, same run:
 * idle Node.js processes that only load modules: nothing, the @tugboat/node-agent package, and every
 * module of the tug CLI (which `tug agent` loads, the apiserver's included).
 * Knobs (env): BENCH_MEMORY_PODS (50), BENCH_MEMORY_SETTLE_S (15), BENCH_MEMORY_SAMPLE_S (20).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dockerode from 'dockerode';
import { ensureDocker } from '@tugboat/node-agent/testing';
import { call } from './http.js';
import type { BenchNode, PodLike } from './pod-startup-cluster.js';
import { conditionOf, createNamespace, log, memoryOf, sleeperPod, startBenchNode, waitFor } from './pod-startup-cluster.js';
import type { Row } from './report.js';
import { renderTable } from './report.js';
import { percentile } from './stats.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const PODS = num('BENCH_MEMORY_PODS', 50);
const SETTLE_S = num('BENCH_MEMORY_SETTLE_S', 15);
const SAMPLE_S = num('BENCH_MEMORY_SAMPLE_S', 20);
const TARGET_MB = 100;
const NS = 'bench-memory';
const REPO = fileURLToPath(new URL('..', import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (x: number) => `${x.toFixed(1)} MB`;

interface Sampled {
  median: number;
  max: number;
  /** VmHWM at the end: the process's peak RSS so far */
  peak: number;
}

/** RSS once a second for `seconds`. */
async function sample(pid: number, seconds: number): Promise<Sampled> {
  const xs: number[] = [];
  for (let i = 0; i < seconds; i++) {
    xs.push(memoryOf(pid).rss);
    await sleep(1000);
  }
  xs.sort((a, b) => a - b);
  return { median: percentile(xs, 50), max: xs[xs.length - 1]!, peak: memoryOf(pid).hwm };
}

/** RSS of an idle Node.js process that has run `code` (an ES module), after it settled. */
async function referenceRss(code: string): Promise<number> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', `${code}\nsetInterval(() => undefined, 1000);`], { cwd: REPO, stdio: 'ignore' });
  try {
    await sleep(4000);
    if (child.exitCode !== null) throw new Error(`reference process exited (code ${child.exitCode}): ${code}`);
    return (await sample(child.pid!, 3)).median;
  } finally {
    child.kill('SIGKILL');
  }
}

async function runPods(node: BenchNode): Promise<void> {
  await createNamespace(node.api, NS);
  for (let i = 0; i < PODS; i++) await call(node.api, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: sleeperPod(`idle-${String(i).padStart(3, '0')}`, node.nodeName) });
  await waitFor(`${PODS} pods Ready`, 300_000, async () => {
    const list = JSON.parse((await call(node.api, { method: 'GET', path: `/api/v1/namespaces/${NS}/pods` })).body) as { items: PodLike[] };
    return list.items.filter((p) => conditionOf(p, 'Ready') === 'True').length === PODS;
  });
}

let current: BenchNode | undefined;

async function run(rows: Row[], docker: Dockerode): Promise<void> {
  log('baselines: idle node processes that only load modules');
  const bare = await referenceRss('');
  const pkg = await referenceRss(`await import('@tugboat/node-agent');`);
  const cli = await referenceRss(`await import(${JSON.stringify(join(REPO, 'apps/cli/dist/commands/index.js'))});`);
  log('starting the control plane and the node agent (tug agent)');
  const node = (current = await startBenchNode({ docker }));
  try {
    log(`agent pid ${node.agentPid} registered; idle for ${SETTLE_S} s, then ${SAMPLE_S} samples`);
    await sleep(SETTLE_S * 1000);
    const idle = await sample(node.agentPid, SAMPLE_S);
    log(`creating ${PODS} pods`);
    const t0 = performance.now();
    await runPods(node);
    log(`${PODS} pods Ready in ${((performance.now() - t0) / 1000).toFixed(1)} s; settling ${SETTLE_S} s, then ${SAMPLE_S} samples`);
    await sleep(SETTLE_S * 1000);
    const busy = await sample(node.agentPid, SAMPLE_S);
    rows.push(
      { name: 'baseline: idle node, no modules', value: mb(bare) },
      { name: 'baseline: idle node + @tugboat/node-agent loaded', value: mb(pkg) },
      { name: 'baseline: idle node + every tug CLI module loaded', value: mb(cli) },
      { name: 'agent RSS idle (registered, no pods), median', value: `${mb(idle.median)}  (max ${mb(idle.max)})`, target: `<= ${TARGET_MB} MB`, pass: idle.max <= TARGET_MB },
      { name: `agent RSS with ${PODS} running pods, median`, value: `${mb(busy.median)}  (max ${mb(busy.max)})`, target: `<= ${TARGET_MB} MB`, pass: busy.max <= TARGET_MB },
      { name: 'agent peak RSS over the run (VmHWM)', value: mb(busy.peak) },
      { name: `  per pod ((${PODS} pods - idle) / ${PODS})`, value: `${(((busy.median - idle.median) * 1000) / PODS).toFixed(0)} kB` },
      { name: '  above the CLI-modules baseline, idle / busy', value: `${mb(idle.median - cli)} / ${mb(busy.median - cli)}` },
    );
  } finally {
    await node.close();
  }
}

await ensureDocker();
const docker = new Dockerode();
const rows: Row[] = [];
const started = new Date();
let failed: unknown;
const stop = (why: string) => {
  log(`stopping: ${why}`);
  void (current?.close() ?? Promise.resolve()).finally(() => process.exit(2));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
setTimeout(() => stop('the whole run took more than 15 minutes'), 15 * 60_000).unref();
try {
  await run(rows, docker);
} catch (err) {
  failed = err;
}
process.stdout.write(`\nnode agent memory, ${started.toISOString()}, node ${process.version}, ${PODS} pods\n\n`);
process.stdout.write(`${renderTable(rows)}\n`);
if (failed) {
  process.stderr.write(`\nbenchmark failed: ${failed instanceof Error ? (failed.stack ?? failed.message) : String(failed)}\n`);
  process.exitCode = 1;
}
