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
import { cleanupDirect, directNetwork, directOnce } from './pod-startup-direct.js';
import { explainTail } from './pod-startup-tail.js';
import { report } from './pod-startup-trace.js';
import { epochMs } from './stats.js';
import type { Trace } from './pod-startup-trace.js';
import type { Row } from './report.js';
import { renderTable } from './report.js';
import { childPid, cpuSecondsOf } from './stats-cpu.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const PODS = num('BENCH_STARTUP_PODS', 50);
const WARMUP = num('BENCH_STARTUP_WARMUP', 2);
const READY_TIMEOUT_MS = 60_000;
const NS = 'bench-pods';
const RUN = Math.random().toString(16).slice(2, 8);

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
    const t = epochMs();
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
      p.t0 = epochMs();
      await call(api, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: sleeperPod(name, node.nodeName) });
      p.trace.posted = epochMs() - p.t0;
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
  const network = await directNetwork(docker, RUN);
  const path = await agentPath(node, docker);
  try {
    for (let i = 0; i < WARMUP; i++) {
      await directOnce(docker, RUN, network, -1 - i);
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
      base.push(await directOnce(docker, RUN, network, i));
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
const closeAll = () => Promise.all([node.close(), cleanupDirect(docker, RUN).catch(() => undefined)]);
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
  report(rows, { base, pods, cpu, expected: PODS });
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
