/**
 * Pod start-up latency through the whole path (issue 3): POST a pod bound to the node → apiserver →
 * pod stream → node agent (its own process) → Docker → status → apiserver → a real HTTP watch sees
 * Ready=True. Baseline, same run, same engine: the same containers made directly with dockerode (a
 * pause sandbox on a bridge network, then the app container in its network namespace), timed from
 * the first create to both started. One at a time, alternating: a direct pair, then a pod, …, so
 * both see the same engine and the same background load.
 * Docker's own event stream (create/start of each pod's containers) splits the agent's time into
 * phases. Knobs (env): BENCH_STARTUP_PODS (50), BENCH_STARTUP_WARMUP (2),
 * BENCH_AGENT_CPU_PROF=<dir> (V8 CPU profile of the agent process, written when it stops),
 * BENCH_AGENT_LOG_LEVEL (info; debug adds every sync's step durations to the slowest pods' account).
 */
import type { IncomingMessage } from 'node:http';
import { cpus, loadavg } from 'node:os';
import Dockerode from 'dockerode';
import { ensureDocker } from '@tugboat/node-agent/testing';
import { call, endpoint, stream } from './http.js';
import type { BenchNode, PodLike } from './pod-startup-cluster.js';
import { conditionOf, createNamespace, log, sleeperPod, startBenchNode } from './pod-startup-cluster.js';
import { explainTail } from './pod-startup-tail.js';
import type { Row } from './report.js';
import { renderTable } from './report.js';
import { childPid, cpuSecondsOf } from './stats-cpu.js';
import { fmtMs, percentile } from './stats.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const PODS = num('BENCH_STARTUP_PODS', 50);
const WARMUP = num('BENCH_STARTUP_WARMUP', 2);
const TARGET_EXTRA_MS = 300;
const READY_TIMEOUT_MS = 60_000;
const NS = 'bench-pods';
const RUN = Math.random().toString(16).slice(2, 8);
const DIRECT_LABEL = 'tugboat-bench/direct';
const PAUSE = 'tugboat/pause:1';
const BUSYBOX = 'tugboat/busybox:1';

/** wall-clock ms with sub-ms precision, comparable with Docker's event timeNano and pino's `time` */
const now = () => performance.timeOrigin + performance.now();

/** Milestones of one start-up, ms since the first request (create POST / sandbox create call). */
interface Trace {
  total: number;
  /** agent path: the pod's name and the wall-clock time of its POST */
  name?: string;
  t0?: number;
  /** the POST returned (agent path only) */
  posted?: number;
  sandboxCreated?: number;
  sandboxStarted?: number;
  appCreated?: number;
  appStarted?: number;
  /** first status written by the agent seen on the watch (agent path only) */
  firstStatus?: number;
}

// ---------------------------------------------------------------- baseline: dockerode directly

async function cleanupDirect(docker: Dockerode): Promise<void> {
  const filters = { label: [`${DIRECT_LABEL}=${RUN}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  // a network whose last endpoint is still being released refuses removal for a moment: retry
  for (let attempt = 0; attempt < 10; attempt++) {
    const networks = await docker.listNetworks({ filters });
    if (networks.length === 0) return;
    await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`could not remove the baseline's network (label ${DIRECT_LABEL}=${RUN})`);
}

async function directOnce(docker: Dockerode, network: string, i: number): Promise<Trace> {
  const labels = { [DIRECT_LABEL]: RUN };
  const t0 = now();
  const sandbox = await docker.createContainer({
    name: `tb-bench-${RUN}-${i}-pod`, Image: PAUSE, Hostname: `direct-${i}`, Labels: labels,
    HostConfig: { NetworkMode: network, RestartPolicy: { Name: 'no' } },
  });
  const sandboxCreated = now() - t0;
  await sandbox.start();
  const sandboxStarted = now() - t0;
  const app = await docker.createContainer({
    name: `tb-bench-${RUN}-${i}-app`, Image: BUSYBOX, Entrypoint: ['sleep', '3600'], Cmd: [], Labels: labels,
    HostConfig: { NetworkMode: `container:${sandbox.id}`, RestartPolicy: { Name: 'no' } },
  });
  const appCreated = now() - t0;
  await app.start();
  const appStarted = now() - t0;
  return { total: appStarted, sandboxCreated, sandboxStarted, appCreated, appStarted };
}

async function directNetwork(docker: Dockerode): Promise<string> {
  const network = `tugboat-bench-direct-${RUN}`;
  await docker.createNetwork({ Name: network, Driver: 'bridge', CheckDuplicate: true, Labels: { [DIRECT_LABEL]: RUN } });
  return network;
}

// ---------------------------------------------------------------- the agent path

interface Pending {
  t0: number;
  trace: Partial<Trace>;
  ready: () => void;
}

/** Follows a pod watch (HTTP, newline-delimited JSON) and notes each tracked pod's first status and Ready=True. */
function followPods(res: IncomingMessage, pending: Map<string, Pending>): void {
  let buf = '';
  res.setEncoding('utf8');
  res.on('error', () => undefined);
  res.on('data', (chunk: string) => {
    const t = now();
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const ev = JSON.parse(line) as { type: string; object: PodLike };
      const p = pending.get(ev.object.metadata?.name ?? '');
      if (!p) continue;
      if (p.trace.firstStatus === undefined && ev.object.status?.hostIP) p.trace.firstStatus = t - p.t0;
      if (conditionOf(ev.object, 'Ready') === 'True') {
        p.trace.total = t - p.t0;
        p.ready();
      }
    }
  });
}

/** Docker's event stream for the node's containers: when each pod's sandbox and app were created and started. */
async function followDocker(docker: Dockerode, nodeName: string, byPod: Map<string, Partial<Record<string, number>>>): Promise<() => void> {
  const events = (await docker.getEvents({ filters: { type: ['container'], label: [`tugboat.io/node=${nodeName}`] } })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  let buf = '';
  events.on('data', (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const e = JSON.parse(line) as { Action: string; timeNano: number; Actor: { Attributes: Record<string, string> } };
      const attrs = e.Actor.Attributes;
      const pod = attrs['tugboat.io/pod-name'] ?? '';
      const kind = attrs['tugboat.io/container-kind'] ?? '';
      if (e.Action !== 'create' && e.Action !== 'start') continue;
      const m = byPod.get(pod) ?? {};
      m[`${kind}:${e.Action}`] ??= e.timeNano / 1e6;
      byPod.set(pod, m);
    }
  });
  events.on('error', () => undefined);
  return () => events.destroy();
}

interface AgentPath {
  /** create one pod and wait until a watch shows it Ready */
  one(name: string): Promise<Trace>;
  close(): Promise<void>;
}

async function agentPath(node: BenchNode, docker: Dockerode): Promise<AgentPath> {
  const { api } = node;
  await createNamespace(api, NS);
  const rv = (JSON.parse((await call(api, { method: 'GET', path: `/api/v1/namespaces/${NS}/pods` })).body) as PodLike).metadata?.resourceVersion ?? '0';
  const pending = new Map<string, Pending>();
  const watchEp = endpoint(node.cp.insecureUrl, { sockets: 1 });
  // not awaited: the apiserver may send a watch's headers only with its first event
  const watch = stream(watchEp, `/api/v1/namespaces/${NS}/pods?watch=true&resourceVersion=${rv}`).then((res) => {
    followPods(res, pending);
    return res;
  });
  watch.catch(() => undefined);
  const dockerTimes = new Map<string, Partial<Record<string, number>>>();
  const stopDocker = await followDocker(docker, node.nodeName, dockerTimes);
  return {
    async one(name) {
      let timer: NodeJS.Timeout | undefined;
      const p: Pending = { t0: 0, trace: {}, ready: () => undefined };
      const ready = new Promise<void>((resolve, reject) => {
        p.ready = resolve;
        timer = setTimeout(() => reject(new Error(`pod ${name} not Ready on the watch after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      pending.set(name, p);
      p.t0 = now();
      await call(api, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: sleeperPod(name, node.nodeName) });
      p.trace.posted = now() - p.t0;
      await ready.finally(() => clearTimeout(timer));
      pending.delete(name);
      // Docker's events for this pod arrive on their own stream; give them a moment
      for (let i = 0; i < 50 && dockerTimes.get(name)?.['app:start'] === undefined; i++) await new Promise((r) => setTimeout(r, 10));
      const d = dockerTimes.get(name) ?? {};
      const rel = (k: string) => (d[k] === undefined ? undefined : d[k]! - p.t0);
      return {
        name, t0: p.t0, total: p.trace.total!, posted: p.trace.posted, firstStatus: p.trace.firstStatus,
        sandboxCreated: rel('sandbox:create'), sandboxStarted: rel('sandbox:start'), appCreated: rel('app:create'), appStarted: rel('app:start'),
      };
    },
    async close() {
      stopDocker();
      (await watch.catch(() => undefined))?.destroy();
      watchEp.agent.destroy();
    },
  };
}

/**
 * Direct and agent start-ups alternate (one pair, one pod, …) so that both see the same engine (as
 * many containers) and the same background load; the warm-ups of both go first.
 */
async function measure(node: BenchNode, docker: Dockerode): Promise<{ base: Trace[]; pods: Trace[]; cpu: string }> {
  const network = await directNetwork(docker);
  const path = await agentPath(node, docker);
  try {
    for (let i = 0; i < WARMUP; i++) {
      await directOnce(docker, network, -1 - i);
      await path.one(`warm-${i}`);
    }
    const pids: Record<string, number> = { agent: node.agentPid, apiserver: node.cpPid };
    const etcd = childPid(node.cpPid, 'etcd');
    if (etcd) pids.etcd = etcd;
    const sample = () => Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSecondsOf(pid)]));
    const used: Record<string, number> = Object.fromEntries(Object.keys(pids).map((k) => [k, 0]));
    const base: Trace[] = [];
    const pods: Trace[] = [];
    for (let i = 0; i < PODS; i++) {
      base.push(await directOnce(docker, network, i));
      const before = sample();
      pods.push(await path.one(`sleeper-${String(i).padStart(3, '0')}`));
      const after = sample();
      for (const k of Object.keys(pids)) used[k]! += after[k]! - before[k]!;
    }
    // CPU of each process while the pods started (the direct pairs' time in between is not counted)
    const cpu = `${Object.entries(used).map(([k, secs]) => `${k} ${((secs * 1000) / PODS).toFixed(1)}`).join(' + ')} ms`;
    return { base, pods, cpu };
  } finally {
    await path.close();
  }
}

// ---------------------------------------------------------------- report

function pct(xs: (number | undefined)[]): { p50: number; p99: number; n: number } {
  const s = xs.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), n: s.length };
}

const both = (xs: (number | undefined)[]) => {
  const { p50, p99 } = pct(xs);
  return `p50 ${fmtMs(p50)}  p99 ${fmtMs(p99)}`;
};

/** Phase intervals of each trace: [label, (trace) => ms]. */
const PHASES: [string, (t: Trace) => number | undefined][] = [
  ['  request → sandbox created', (t) => t.sandboxCreated],
  ['  sandbox create → started', (t) => diff(t.sandboxStarted, t.sandboxCreated)],
  ['  sandbox started → app created', (t) => diff(t.appCreated, t.sandboxStarted)],
  ['  app create → started', (t) => diff(t.appStarted, t.appCreated)],
  ['  app started → Ready on the watch', (t) => diff(t.total, t.appStarted)],
];

const signed = (ms: number) => `${ms < 0 ? '-' : '+'}${fmtMs(Math.abs(ms))}`;

function diff(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

function report(rows: Row[], base: Trace[], pods: Trace[], cpu: string): void {
  const b = pct(base.map((t) => t.total));
  const a = pct(pods.map((t) => t.total));
  rows.push(
    { name: `baseline: dockerode sandbox+app, create → both started (${b.n})`, value: both(base.map((t) => t.total)) },
    { name: `pod create → Ready=True on a watch (${a.n})`, value: both(pods.map((t) => t.total)) },
    { name: 'difference, p50', value: signed(a.p50 - b.p50) },
    { name: 'difference, p99', value: signed(a.p99 - b.p99), target: `<= +${TARGET_EXTRA_MS} ms`, pass: a.p99 - b.p99 <= TARGET_EXTRA_MS && a.n === PODS },
    { name: 'phases of the pod path (Docker event times)', value: '' },
    { name: '  POST /pods answered', value: both(pods.map((t) => t.posted)) },
    ...PHASES.map(([name, f]) => ({ name, value: both(pods.map(f)) })),
    { name: '  request → first status from the agent', value: both(pods.map((t) => t.firstStatus)) },
    { name: 'phases of the baseline', value: '' },
    ...PHASES.slice(0, 4).map(([name, f]) => ({ name: name.replace('request', 'first call'), value: both(base.map(f)) })),
    { name: 'CPU per pod start-up, by process', value: cpu },
  );
}

// ---------------------------------------------------------------- main

await ensureDocker();
const docker = new Dockerode();
const rows: Row[] = [];
const started = new Date();
let failed: unknown;
log('starting the control plane and the node agent (tug agent)');
const profDir = process.env.BENCH_AGENT_CPU_PROF;
const node = await startBenchNode({
  docker,
  agentLogLevel: process.env.BENCH_AGENT_LOG_LEVEL ?? 'info',
  ...(profDir ? { agentNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
});
let tail = '';
const closeAll = () => Promise.all([node.close(), cleanupDirect(docker).catch(() => undefined)]);
const stop = (why: string) => {
  log(`stopping: ${why}`);
  void closeAll().finally(() => process.exit(2));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
setTimeout(() => stop('the whole run took more than 15 minutes'), 15 * 60_000).unref();
try {
  log(`${WARMUP} + ${PODS} start-ups each way, alternating: sandbox+app with dockerode, pod through the agent (node ${node.nodeName})`);
  const { base, pods, cpu } = await measure(node, docker);
  report(rows, base, pods, cpu);
  tail = explainTail(pods.map((t, i) => ({
    name: t.name ?? '', t0: t.t0 ?? 0, total: t.total, direct: base[i]?.total ?? NaN,
    phases: { posted: t.posted, sandboxCreated: t.sandboxCreated, sandboxStarted: t.sandboxStarted, appCreated: t.appCreated, appStarted: t.appStarted },
  })), node.agentLog, NS);
} catch (err) {
  failed = err;
} finally {
  await closeAll();
}
const load = loadavg().map((x) => x.toFixed(1)).join(' ');
process.stdout.write(`\npod start-up benchmark, ${started.toISOString()}, node ${process.version}, ${PODS} pods one after another (+${WARMUP} warm-up), ${cpus().length} cores, load average at the end ${load}\n\n`);
process.stdout.write(`${renderTable(rows)}\n`);
if (tail) process.stdout.write(`\n${tail}\n`);
if (failed) {
  process.stderr.write(`\nbenchmark failed: ${failed instanceof Error ? (failed.stack ?? failed.message) : String(failed)}\n`);
  process.exitCode = 1;
}
