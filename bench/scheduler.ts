/**
 * Scheduler benchmark (issue 3): a real etcd + apiserver (forked child), 1,000 SIMULATED "hollow"
 * nodes (hollow-agent.ts: each speaks the real gRPC NodeService as `tug agent` does: Join,
 * Register, lease renewals every 10 s on the Heartbeats stream, WatchPods, UpdatePodStatus; none
 * runs anything), all hosted in a second child (hollow-fleet.ts), and 10,000 pending pods; then a
 * scheduler starts in a third child (scheduler-child.ts) and a pod counts as bound when its node's
 * agent sees it on its WatchPods stream.
 *
 * Pod status reports compete with binds for the apiserver, so the bind phase runs twice (knob
 * BENCH_STATUS): `deferred`, the agents hold their Running reports until every pod is bound (then
 * they are sent and timed on their own), and `on`, each pod reported Running as soon as its agent
 * sees it. The scheduler is stopped between the two so each starts with a backlog. A last phase
 * measures creation→bound latency of pods created while the scheduler runs. BENCH_WARMUP_PODS=n
 * has a throwaway scheduler bind n pods before phase 1, not measured (see warmUp).
 *
 * Knobs (env): BENCH_NODES, BENCH_PODS, BENCH_WARMUP_PODS, BENCH_LATENCY_PODS, BENCH_PARALLELISM,
 * BENCH_STATUS=both|deferred|on, BENCH_REPEAT (phase 1 again with a fresh scheduler, the rest
 * warm), BENCH_HEARTBEAT_MS (default: the agent's 10 s), BENCH_IDLE_S
 * (background-load window), BENCH_CP_NODE_FLAGS and BENCH_SCHEDULER_NODE_FLAGS (V8 flags instead
 * of `tug server`'s), BENCH_CPU_PROF=<dir> (profile the control plane; run this file with
 * node --cpu-prof to profile the scheduler and the agents too).
 */
import { loadavg } from 'node:os';
import { DEFAULT_PARALLELISM } from '@tugboat/scheduler';
import type { BenchControlPlane } from './control-plane.js';
import { AGENT_HEARTBEAT_MS } from './hollow-agent.js';
import { startHollowFleet } from './hollow-fleet-process.js';
import type { HollowFleet } from './hollow-fleet-process.js';
import type { Endpoint } from './http.js';
import { call, endpoint } from './http.js';
import { log } from './report.js';
import type { Row } from './report.js';
import { runWithControlPlane } from './run-with-control-plane.js';
import { whereStuck } from './stall.js';
import { ceiling, cpuSampler, halves, inReferenceTasks, netMsPerOp, perOp } from './scheduler-cpu.js';
import { cyclesOnly } from './scheduler-cycles.js';
import { startSchedulerProcess } from './scheduler-process.js';
import type { SchedulerProcess } from './scheduler-process.js';
import type { Background, Timed } from './scheduler-cpu.js';
import { startSpeedProbe } from './speed-probe.js';
import type { SpeedProbe } from './speed-probe.js';
import { LatencyRecorder, epochMs, fmtMs, runBounded } from './stats.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const NODES = num('BENCH_NODES', 1_000);
const PODS = num('BENCH_PODS', 10_000);
const LATENCY_PODS = num('BENCH_LATENCY_PODS', 1_000);
/** 0 by default: the figure is measured as in every earlier session, the apiserver's bind path cold */
const WARMUP_PODS = num('BENCH_WARMUP_PODS', 0);
const PARALLELISM = num('BENCH_PARALLELISM', DEFAULT_PARALLELISM);
const HEARTBEAT_MS = num('BENCH_HEARTBEAT_MS', AGENT_HEARTBEAT_MS);
const IDLE_S = num('BENCH_IDLE_S', 10);
const STATUS = process.env.BENCH_STATUS ?? 'both';
/** phase 1 this many times, each with a fresh scheduler: which start-up cost is the scheduler's own */
const REPEAT = num('BENCH_REPEAT', 1);
const CONC = 32;
const PHASE_DEADLINE_MS = 300_000;
const NS = 'bench';
const TARGET = 1_000;

// Every node gets a /24 pod range at registration: the default /16 cluster CIDR holds only 255.
process.env.BENCH_CLUSTER_CIDR ??= '10.128.0.0/9';

function smallPod(prefix: string, i: number): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: podName(prefix, i), namespace: NS, labels: { app: prefix } },
    spec: { containers: [{ name: 'c', image: 'registry.local/demo/web:1.4.2', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
  });
}

/** Rows go into the final table and to the log at once, so a run cut short still shows what it measured. */
function record(rows: Row[], ...add: Row[]): void {
  rows.push(...add);
  for (const r of add) log(`${r.name.trim()}: ${r.value}${r.target ? ` (target ${r.target})` : ''}`);
}

const podName = (prefix: string, i: number): string => `${prefix}-${String(i).padStart(6, '0')}`;

async function createAll(ep: Endpoint, n: number, what: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  const rec = new LatencyRecorder();
  const ms = await runBounded(n, CONC, PHASE_DEADLINE_MS, (i) => rec.time(() => fn(i)).then(() => undefined));
  if (rec.errors) throw new Error(`${what}: ${rec.errors} errors, first: ${String(rec.firstError)}`);
  log(`${what}: ${n} in ${(ms / 1000).toFixed(1)} s`);
}

/** n small pods `<prefix>-<i>`, pending until a scheduler binds them */
function createPending(ep: Endpoint, prefix: string, n: number, what: string): Promise<void> {
  return createAll(ep, n, what, (i) => call(ep, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: smallPod(prefix, i) }));
}

interface Bench {
  cp: BenchControlPlane;
  http: Endpoint;
  fleet: HollowFleet;
  rows: Row[];
  /** CPU seconds so far of the current scheduler process, the apiserver, etcd and the hollow agents, at a time */
  cpu(): Timed;
  /** the scheduler process of the current phase, if one runs */
  schedulerPid: number | undefined;
  background: Background;
  bindErrors: number;
  /** the machine's speed in the same minutes as each phase */
  probe: SpeedProbe;
}

/** One bind phase: PODS pending pods, then a fresh scheduler; bound = seen by the pod's node agent. */
async function bindPhase(b: Bench, prefix: string, label: string, withStatus: boolean): Promise<SchedulerProcess> {
  await createPending(b.http, prefix, PODS, `pending pods ${prefix}-* (10m cpu, 16Mi each)`);
  const before = b.fleet.seenAt.size;
  const statusesBefore = b.fleet.statuses().ok;
  log(`${label}: starting the scheduler (parallelism ${PARALLELISM}, leader election on)`);
  const s = await startSchedulerProcess(b.cp, PARALLELISM);
  b.schedulerPid = s.pid;
  try {
    // CPU is counted from here: the scheduler process's start-up and first list are not binds
    const cpu0 = b.cpu();
    const synced = s.syncedAt;
    await b.fleet.untilSeen(before + PODS / 2, PHASE_DEADLINE_MS);
    const cpuHalf = b.cpu();
    await b.fleet.untilSeen(before + PODS, PHASE_DEADLINE_MS);
    const cpu1 = b.cpu();
    const taskCpuUs = await b.probe.taskCpuUs(cpu0.at, cpu1.at);
    const times = [...b.fleet.seenAt.entries()].filter(([name]) => name.startsWith(`${prefix}-`)).map(([, at]) => at);
    const first = Math.min(...times);
    const last = Math.max(...times);
    const perSecond = (PODS * 1000) / (last - synced);
    record(
      b.rows,
      { name: label, value: '' },
      { name: '  scheduler start → caches synced → first pod bound', value: `${fmtMs(synced - s.startedAt)} → ${fmtMs(first - synced)}` },
      { name: `  ${PODS} pods bound (seen by their node), from synced`, value: `${((last - synced) / 1000).toFixed(1)} s` },
      { name: '  pods bound per second', value: `${Math.round(perSecond)}/s`, target: `>= ${TARGET}/s`, pass: perSecond >= TARGET },
      ...halves(b.background, { times, synced }, { from: cpu0, half: cpuHalf, to: cpu1 }),
      { name: '  CPU per bound pod, ms', value: perOp(b.background, cpu0, cpu1, PODS) },
      ...ceiling(b.background, cpu0, cpu1, PODS),
      ...inReferenceTasks(netMsPerOp(b.background, cpu0, cpu1, PODS), taskCpuUs),
    );
    if (withStatus) {
      await b.fleet.untilStatuses(statusesBefore + PODS, PHASE_DEADLINE_MS);
      const cpu2 = b.cpu();
      record(
        b.rows,
        { name: `  all ${PODS} Running (statuses written), from synced`, value: `${((epochMs() - synced) / 1000).toFixed(1)} s` },
        { name: '  CPU per pod, bind + status, ms', value: perOp(b.background, cpu0, cpu2, PODS) },
      );
    }
    b.bindErrors += (await s.stats()).bindErrors;
    return s;
  } catch (err) {
    const leading = await s.stats().then((st) => String(st.leading), () => 'unknown');
    log(`${label}: stalled; scheduler leading: ${leading}; ${await whereStuck(b.http, `/api/v1/namespaces/${NS}/pods?labelSelector=app%3D${prefix}`, Array.from({ length: PODS }, (_, i) => podName(prefix, i)), b.fleet.seenAt)}`);
    await s.close();
    throw err;
  }
}

/** Release the statuses the agents held back during a deferred phase, and time writing them. */
async function flushStatuses(b: Bench): Promise<void> {
  const n = b.fleet.seenAt.size;
  const t0 = epochMs();
  const cpu0 = b.cpu();
  b.fleet.flushStatuses();
  await b.fleet.untilStatuses(n, PHASE_DEADLINE_MS);
  const ms = epochMs() - t0;
  record(
    b.rows,
    { name: `  then ${n} held-back statuses written (Running)`, value: `${(ms / 1000).toFixed(1)} s = ${Math.round((n * 1000) / ms)}/s` },
    { name: '  CPU per status write, ms', value: perOp(b.background, cpu0, b.cpu(), n) },
  );
}

/**
 * BENCH_WARMUP_PODS pods bound before the measured phases by a scheduler of their own, which is then
 * closed, as kube-scheduler's scheduler_perf schedules its initPods before the pods it measures. A
 * production apiserver and its agents have bound pods before; without this the apiserver compiles
 * its bind path and the agents their pod streams (TurboFan: ~330 functions optimized, ~1 s of CPU)
 * inside the measured seconds (bench/README.md, tenth session). Each measured phase still starts a
 * fresh scheduler process. Off by default, so the figure compares with earlier sessions'.
 */
async function warmUp(b: Bench): Promise<void> {
  if (WARMUP_PODS <= 0) return;
  await createPending(b.http, 'warm', WARMUP_PODS, 'warm-up pods warm-* (bound before the phases, not measured)');
  const t0 = epochMs();
  const before = b.fleet.seenAt.size;
  const s = await startSchedulerProcess(b.cp, PARALLELISM);
  try {
    await b.fleet.untilSeen(before + WARMUP_PODS, PHASE_DEADLINE_MS);
    b.bindErrors += (await s.stats()).bindErrors;
  } finally {
    await s.close();
  }
  record(b.rows, { name: `warm-up: ${WARMUP_PODS} pods bound by a scheduler of their own, then closed (not measured)`, value: `${((epochMs() - t0) / 1000).toFixed(1)} s` });
}

async function idleLoad(b: Bench): Promise<void> {
  if (IDLE_S <= 0) return;
  log(`background load: ${NODES} hollow agents heartbeating, nothing being bound, ${IDLE_S} s`);
  const cpu0 = b.cpu();
  await new Promise((r) => setTimeout(r, IDLE_S * 1000));
  const cpu1 = b.cpu();
  const seconds = (cpu1.at - cpu0.at) / 1000;
  record(b.rows, { name: `background: ${NODES} agents heartbeating every ${HEARTBEAT_MS / 1000} s, CPU ms per second`, value: perOp(undefined, cpu0, cpu1, seconds) });
  b.background = Object.fromEntries(Object.entries(cpu1.cpu).map(([name, v]) => [name, (v - cpu0.cpu[name]!) / seconds]));
}

/** Long enough for the scheduler and the apiserver to digest the previous phase's 10,000 status events. */
const SETTLE_MS = 5_000;

async function latencyPhase(b: Bench): Promise<void> {
  // Right after the held-back statuses are flushed, the scheduler still parses their watch events
  // (seconds of backlog at 10,000 pods); pods created then measured that backlog, not a creation.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  log(`creation→bound latency: ${LATENCY_PODS} pods created with ${CONC} clients while the scheduler runs (after ${SETTLE_MS / 1000} s to settle)`);
  const createdAt = new Map<string, number>();
  const before = b.fleet.seenAt.size;
  await createAll(b.http, LATENCY_PODS, 'pods created while scheduling', async (i) => {
    const t = epochMs();
    await call(b.http, { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: smallPod('live', i) });
    createdAt.set(podName('live', i), t);
  });
  await b.fleet.untilSeen(before + LATENCY_PODS, PHASE_DEADLINE_MS);
  const lat = new LatencyRecorder();
  for (const [name, at] of createdAt) lat.record(Math.max(0, b.fleet.seenAt.get(name)! - at));
  const s = lat.summary(0);
  record(b.rows, { name: 'POST pod → seen by its node (scheduler running), p50 / p99', value: `${fmtMs(s.p50)} / ${fmtMs(s.p99)}` });
}

async function run(cp: BenchControlPlane, rows: Row[]): Promise<void> {
  const http = endpoint(cp.insecureUrl, { sockets: CONC });
  let fleet: HollowFleet | undefined;
  let scheduler: SchedulerProcess | undefined;
  const probe = await startSpeedProbe();
  try {
    await call(http, { method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }) });
    log(`starting ${NODES} SIMULATED hollow agents (real NodeService: Join, Register, Heartbeat, WatchPods, UpdatePodStatus; they run nothing)`);
    fleet = await startHollowFleet({ server: cp.nodeServiceAddress, caPem: cp.caPem, token: cp.nodeToken, nodes: NODES, heartbeatMs: HEARTBEAT_MS, deferStatus: STATUS !== 'on', startConcurrency: 16 });
    log(`hollow agents joined and registered: ${NODES} in ${(fleet.startMs / 1000).toFixed(1)} s`);
    const b: Bench = { cp, http, fleet, rows, cpu: () => sample(), background: undefined, bindErrors: 0, schedulerPid: undefined, probe };
    const sample = cpuSampler(cp, fleet, () => b.schedulerPid);
    const dry = cyclesOnly(NODES, PODS, (i) => smallPod('dry', i));
    record(
      rows,
      { name: 'SIMULATED hollow nodes (bench/hollow-agent.ts; run nothing)', value: `${NODES}, joined + registered in ${(fleet.startMs / 1000).toFixed(1)} s` },
      { name: 'scheduling cycles alone, in memory (no API)', value: `${dry.cpuMsPerPod.toFixed(2)} ms CPU per pod = ${Math.round(dry.perSecond)}/s per core` },
    );
    await warmUp(b);
    await idleLoad(b);
    if (STATUS !== 'on') {
      scheduler = await bindPhase(b, 'held', 'phase 1: pod status reports deferred until all are bound', false);
      for (let run = 2; run <= REPEAT; run++) {
        await scheduler.close();
        scheduler = await bindPhase(b, `held${run}`, `phase 1, run ${run}: a fresh scheduler again, the apiserver and the agents warm`, false);
      }
      await flushStatuses(b);
    }
    if (STATUS !== 'deferred') {
      await scheduler?.close();
      scheduler = await bindPhase(b, 'reported', `phase ${STATUS === 'on' ? 1 : 2}: each pod reported Running as its agent sees it`, true);
    }
    record(rows, { name: 'bind errors', value: String(b.bindErrors) });
    if (LATENCY_PODS > 0) await latencyPhase(b);
  } finally {
    await scheduler?.close();
    await fleet?.close();
    await probe.close();
    http.agent.destroy();
  }
}

// the load average at the end of the run: the machine is shared, and the neighbours move every figure
const loadAverage = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

await runWithControlPlane(() => `scheduler benchmark, ${NODES} SIMULATED hollow nodes, ${PODS} pods per phase, load average ${loadAverage()}`, run);
