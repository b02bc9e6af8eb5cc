/**
 * Scheduler benchmark: a real etcd + apiserver (forked child), 1,000 simulated "hollow" nodes
 * (Node objects with capacity and Ready status, created through the API; nothing runs on them) and
 * 10,000 pending pods with small requests; then the scheduler starts in this process and a watch
 * counts pods as they get a nodeName. Phase 2 measures creation→bound latency of pods created
 * while the scheduler is idle and running.
 * Knobs (env): BENCH_NODES, BENCH_PODS, BENCH_LATENCY_PODS, BENCH_PARALLELISM,
 * BENCH_CPU_PROF=<dir> (profile the control plane; run this file with node --cpu-prof for the scheduler).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { HttpRestClient } from '@tugboat/client';
import { SchedulerCache, defaultProfile, podInfo, schedulePod, startScheduler } from '@tugboat/scheduler';
import type { Node, Pod } from '@tugboat/api';
import type { BenchControlPlane } from './control-plane.js';
import type { Endpoint } from './http.js';
import { call, endpoint, stream } from './http.js';
import { log } from './report.js';
import type { Row } from './report.js';
import { runWithControlPlane } from './run-with-control-plane.js';
import { LatencyRecorder, fmtMs, runBounded } from './stats.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const NODES = num('BENCH_NODES', 1_000);
const PODS = num('BENCH_PODS', 10_000);
const LATENCY_PODS = num('BENCH_LATENCY_PODS', 1_000);
const PARALLELISM = num('BENCH_PARALLELISM', 32);
const CONC = 32;
const PHASE_DEADLINE_MS = 300_000;
const NS = 'bench';
const TARGET = 1_000;


function hollowNode(i: number): { name: string; body: string; status: string } {
  const name = `hollow-${String(i).padStart(4, '0')}`;
  const capacity = { cpu: '8', memory: '32Gi', pods: '110' };
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, 'tugboat.dev/hollow': 'true' } } });
  const status = JSON.stringify({
    status: {
      capacity,
      allocatable: capacity,
      conditions: [{ type: 'Ready', status: 'True', reason: 'HollowNode', message: 'simulated node; runs nothing' }],
      addresses: [{ type: 'InternalIP', address: `10.${(i >> 8) & 255}.${i & 255}.1` }],
    },
  });
  return { name, body, status };
}

function smallPod(prefix: string, i: number): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${prefix}-${String(i).padStart(6, '0')}`, namespace: NS, labels: { app: prefix } },
    spec: { containers: [{ name: 'c', image: 'registry.local/demo/web:1.4.2', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
  });
}

/** CPU time (user + system) a process has used so far, ms, from /proc (Linux clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function createAll(ep: Endpoint, n: number, what: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  const rec = new LatencyRecorder();
  const ms = await runBounded(n, CONC, PHASE_DEADLINE_MS, (i) => rec.time(() => fn(i)).then(() => undefined));
  if (rec.errors) throw new Error(`${what}: ${rec.errors} errors, first: ${String(rec.firstError)}`);
  log(`${what}: ${n} in ${(ms / 1000).toFixed(1)} s`);
}

/** Counts pods the first time a watch shows them with a nodeName, with the time it happened. */
class BoundCounter {
  readonly boundAt = new Map<string, number>();
  private res: IncomingMessage | undefined;
  private waiters: { n: number; resolve: () => void }[] = [];

  async start(ep: Endpoint, resourceVersion: string): Promise<void> {
    this.res = await stream(ep, `/api/v1/namespaces/${NS}/pods?watch=1&resourceVersion=${resourceVersion}`);
    let buf = '';
    this.res.setEncoding('utf8');
    this.res.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line) this.onEvent(JSON.parse(line) as { object: { metadata: { name: string }; spec?: { nodeName?: string } } });
      }
    });
  }

  until(n: number, timeoutMs: number): Promise<void> {
    if (this.boundAt.size >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.boundAt.size}/${n} pods bound after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  close(): void {
    this.res?.destroy();
  }

  private onEvent(ev: { object: { metadata: { name: string }; spec?: { nodeName?: string } } }): void {
    const { name } = ev.object.metadata;
    if (!ev.object.spec?.nodeName || this.boundAt.has(name)) return;
    this.boundAt.set(name, performance.now());
    this.waiters = this.waiters.filter((w) => (this.boundAt.size >= w.n ? (w.resolve(), false) : true));
  }
}

/** The scheduling cycles alone, in memory (no API calls): what the scheduler's CPU allows. */
function cyclesOnly(nodes: number, pods: number): { perSecond: number; cpuMsPerPod: number } {
  const cache = new SchedulerCache();
  for (let i = 0; i < nodes; i++) {
    const n = hollowNode(i);
    cache.upsertNode({ ...(JSON.parse(n.body) as Node), ...(JSON.parse(n.status) as Pick<Node, 'status'>) });
  }
  const profile = defaultProfile();
  const cpu0 = process.cpuUsage();
  let start = 0;
  for (let i = 0; i < pods; i++) {
    const info = podInfo(JSON.parse(smallPod('dry', i)) as Pod);
    const r = schedulePod(profile, info, cache.schedulableNodes(), { startIndex: start });
    if (r.kind !== 'Scheduled') throw new Error('dry run: a pod did not fit');
    start = (start + r.evaluated) % nodes;
    cache.assume(info, r.node.name);
  }
  // CPU time rather than wall time: on a loaded machine the wall clock measures the neighbours.
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerPod = (cpu.user + cpu.system) / 1000 / pods;
  return { perSecond: 1000 / cpuMsPerPod, cpuMsPerPod };
}

async function run(cp: BenchControlPlane, rows: Row[]): Promise<void> {
  const http = endpoint(cp.insecureUrl, { sockets: CONC });
  const counter = new BoundCounter();
  const client = new HttpRestClient({ server: cp.secureUrl, ca: cp.caPem, token: cp.adminToken, userAgent: 'bench-scheduler' });
  let scheduler: ReturnType<typeof startScheduler> | undefined;
  try {
    await call(http, { method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }) });
    log(`creating ${NODES} simulated "hollow" nodes: Node objects with capacity 8 cpu / 32Gi / 110 pods and Ready=True; they run nothing`);
    const nodes = Array.from({ length: NODES }, (_, i) => hollowNode(i));
    await createAll(http, NODES, 'hollow nodes', async (i) => {
      const n = nodes[i]!;
      await call(http, { method: 'POST', path: '/api/v1/nodes', body: n.body });
      await call(http, { method: 'PATCH', path: `/api/v1/nodes/${n.name}/status`, body: n.status, contentType: 'application/merge-patch+json' });
    });
    await createAll(http, PODS, 'pending pods (10m cpu, 16Mi each)', (i) => call(http, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: smallPod('backlog', i) }));

    const list = JSON.parse((await call(http, { method: 'GET', path: `/api/v1/namespaces/${NS}/pods?limit=1` })).body) as { metadata: { resourceVersion: string } };
    await counter.start(endpoint(cp.insecureUrl, { sockets: 1 }), list.metadata.resourceVersion);

    log(`starting the scheduler (parallelism ${PARALLELISM}, leader election on)`);
    const t0 = performance.now();
    const cpu0 = { self: process.cpuUsage(), cp: processCpuMs(cp.pid) };
    process.env.LOG_LEVEL ??= 'warn';
    scheduler = startScheduler({ client, parallelism: PARALLELISM });
    await scheduler.ready;
    const synced = performance.now();
    await counter.until(PODS, PHASE_DEADLINE_MS);
    const selfCpu = process.cpuUsage(cpu0.self);
    const schedCpuMs = (selfCpu.user + selfCpu.system) / 1000;
    const cpCpuMs = processCpuMs(cp.pid) - cpu0.cp;
    const last = Math.max(...counter.boundAt.values());
    const firstBound = Math.min(...counter.boundAt.values());
    const perSecond = (PODS * 1000) / (last - synced);
    const dry = cyclesOnly(NODES, PODS);
    rows.push(
      { name: 'simulated hollow nodes (run nothing)', value: String(NODES) },
      { name: 'scheduling cycles alone, in memory (no API)', value: `${dry.cpuMsPerPod.toFixed(2)} ms CPU per pod = ${Math.round(dry.perSecond)}/s per core` },
      { name: 'scheduler start → caches synced', value: fmtMs(synced - t0) },
      { name: 'caches synced → first pod bound', value: fmtMs(firstBound - synced) },
      { name: `${PODS} pending pods bound, from synced`, value: `${((last - synced) / 1000).toFixed(1)} s` },
      { name: 'pods bound per second', value: `${Math.round(perSecond)}/s`, target: `>= ${TARGET}/s`, pass: perSecond >= TARGET },
    );
    rows.push(
      { name: '  CPU per pod: scheduler process', value: `${(schedCpuMs / PODS).toFixed(2)} ms (incl. its watch client and this bench's counter)` },
      { name: '  CPU per pod: apiserver process', value: `${(cpCpuMs / PODS).toFixed(2)} ms (binding path + watch fan-out; etcd not counted)` },
    );
    const attempts = await scheduler.metrics.attempts.get();
    const errors = attempts.values.find((v) => v.labels.result === 'error')?.value ?? 0;
    rows.push({ name: 'bind errors', value: String(errors) });

    log(`creation→bound latency: ${LATENCY_PODS} pods created with ${CONC} clients while the scheduler runs`);
    const createdAt = new Map<string, number>();
    await createAll(http, LATENCY_PODS, 'pods created while scheduling', async (i) => {
      const body = smallPod('live', i);
      await call(http, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body });
      createdAt.set(`live-${String(i).padStart(6, '0')}`, performance.now());
    });
    await counter.until(PODS + LATENCY_PODS, PHASE_DEADLINE_MS);
    const lat = new LatencyRecorder();
    for (const [name, at] of createdAt) lat.record(Math.max(0, counter.boundAt.get(name)! - at));
    const s = lat.summary(0);
    rows.push({ name: 'creation → bound (watch), p50 / p99', value: `${fmtMs(s.p50)} / ${fmtMs(s.p99)}` });
  } finally {
    counter.close();
    await scheduler?.close();
    client.close();
    http.agent.destroy();
  }
}

await runWithControlPlane(() => `scheduler benchmark, ${NODES} hollow nodes, ${PODS} pods`, run);
