/**
 * apiserver benchmark: creates, LIST and watch fan-out against a real etcd + apiserver (forked
 * child process), with raw etcd3 puts of the same bytes against the same etcd as the baseline.
 * Knobs (env): BENCH_PODS, BENCH_CONCURRENCY, BENCH_LISTS, BENCH_WATCHERS, BENCH_CHANGES,
 * BENCH_TLS_PODS (0 skips the HTTPS run), BENCH_CPU_PROF=<dir> (profile the control plane).
 */
import { fileURLToPath } from 'node:url';
import { Etcd3 } from 'etcd3';
import type { Pod } from '@tugboat/api';
import { SERVER_NODE_FLAGS } from '@tugboat/apiserver/node-flags';
import { forkReady } from './child.js';
import type { BenchControlPlane } from './control-plane.js';
import type { FloorServerInfo } from './floor-server.js';
import type { Endpoint } from './http.js';
import { call, endpoint } from './http.js';
import { podAddress, runningStatus } from './hollow-pod-status.js';
import { benchPod } from './pod.js';
import { log } from './report.js';
import type { Row } from './report.js';
import { runWithControlPlane } from './run-with-control-plane.js';
import type { Summary } from './stats.js';
import { LatencyRecorder, fmtMs, runBounded } from './stats.js';
import type { CpuSample } from './stats-cpu.js';
import { childPid, cpuPerOp, sampleCpu } from './stats-cpu.js';
import { watchFanout } from './watch.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const PODS = num('BENCH_PODS', 10_000);
const CONC = num('BENCH_CONCURRENCY', 32);
const LISTS = num('BENCH_LISTS', 30);
const WATCHERS = num('BENCH_WATCHERS', 100);
const CHANGES = num('BENCH_CHANGES', 20);
const TLS_PODS = num('BENCH_TLS_PODS', 2_000);
const WARMUP = 500;
const PHASE_DEADLINE_MS = 180_000;
const NS = 'bench';
const BIND_NODE = 'bench-node-1';

const rate = (s: Summary) => `${Math.round(s.perSecond)}/s  p50 ${fmtMs(s.p50)}  p99 ${fmtMs(s.p99)}`;
const podName = (i: number) => `web-${String(i).padStart(6, '0')}`;
const bodies = (ns: string, n: number) => Array.from({ length: n }, (_, i) => JSON.stringify(benchPod(ns, i)));

function check(r: LatencyRecorder, what: string): void {
  if (r.errors) log(`${what}: ${r.errors} errors, first: ${String(r.firstError)}`);
}

async function createNamespace(ep: Endpoint, name: string): Promise<void> {
  await call(ep, { method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }) });
}

async function apiCreates(ep: Endpoint, ns: string, n: number): Promise<Summary> {
  const payload = bodies(ns, n);
  const rec = new LatencyRecorder();
  const ms = await runBounded(n, CONC, PHASE_DEADLINE_MS, (i) => rec.time(() => call(ep, { method: 'POST', path: `/api/v1/namespaces/${ns}/pods`, body: payload[i] })).then(() => undefined));
  check(rec, `creates in ${ns}`);
  return rec.summary(ms);
}

async function rawPuts(etcd: Etcd3, prefix: string, n: number): Promise<Summary> {
  const payload = bodies(NS, n);
  const rec = new LatencyRecorder();
  const ms = await runBounded(n, CONC, PHASE_DEADLINE_MS, (i) => rec.time(() => etcd.put(`${prefix}/${podName(i)}`).value(payload[i]!).exec()).then(() => undefined));
  check(rec, `raw puts under ${prefix}`);
  return rec.summary(ms);
}

/** Each pod bound to one node through pods/binding, as the scheduler does. */
async function binds(ep: Endpoint, ns: string, node: string, n: number): Promise<Summary> {
  const payload = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name: podName(i), namespace: ns }, target: { apiVersion: 'v1', kind: 'Node', name: node } }),
  );
  const rec = new LatencyRecorder();
  const ms = await runBounded(n, CONC, PHASE_DEADLINE_MS, (i) => rec.time(() => call(ep, { method: 'POST', path: `/api/v1/namespaces/${ns}/pods/${podName(i)}/binding`, body: payload[i] })).then(() => undefined));
  check(rec, `binds in ${ns}`);
  return rec.summary(ms);
}

/** Each bound pod reported Running through a merge patch of pods/<name>/status, as a node agent reports. */
async function statusUpdates(ep: Endpoint, ns: string, n: number): Promise<Summary> {
  const rec = new LatencyRecorder();
  const ms = await runBounded(n, CONC, PHASE_DEADLINE_MS, (i) => {
    // the status a hollow agent reports (bench/hollow-pod-status.ts) for this pod
    const pod = benchPod(ns, i) as unknown as Pod;
    const status = runningStatus(pod, { hostIP: '10.0.0.1', podIP: podAddress('10.244.0.0/24', i) }, new Date());
    return rec.time(() => call(ep, {
      method: 'PATCH',
      path: `/api/v1/namespaces/${ns}/pods/${podName(i)}/status`,
      contentType: 'application/merge-patch+json',
      body: JSON.stringify({ status }),
    })).then(() => undefined);
  });
  check(rec, `status updates in ${ns}`);
  return rec.summary(ms);
}

async function lists(ep: Endpoint, query: string): Promise<Summary> {
  const rec = new LatencyRecorder();
  const ms = await runBounded(LISTS, 1, PHASE_DEADLINE_MS, (_) => rec.time(() => call(ep, { method: 'GET', path: `/api/v1/namespaces/${NS}/pods${query}` })).then(() => undefined));
  check(rec, `LIST${query}`);
  return rec.summary(ms);
}

/**
 * Creates against floor-server.ts (HTTP, JSON, the store's create transaction, one prefix watch; no API
 * machinery) in a process of its own with the apiserver's node flags: what any apiserver in Node on
 * `etcd3` pays per create on this machine.
 */
async function floorCreates(cp: BenchControlPlane, etcdPid: number | undefined, apiWork: boolean): Promise<{ s: Summary; cpu: string }> {
  const floor = await forkReady<FloorServerInfo>(fileURLToPath(new URL('./floor-server.ts', import.meta.url)), {
    nodeFlags: [...SERVER_NODE_FLAGS],
    env: { ...process.env, FLOOR_ETCD: cp.etcdEndpoint, FLOOR_PREFIX: apiWork ? '/floor/api/' : '/floor/plain/', FLOOR_API_WORK: apiWork ? '1' : '0' },
    what: 'floor server',
  });
  const ep = endpoint(floor.info.url, { sockets: CONC });
  try {
    await apiCreates(ep, 'bench-warm', WARMUP);
    const result = await withCpu({ floor: floor.pid, ...(etcdPid ? { etcd: etcdPid } : {}) }, PODS, () => apiCreates(ep, NS, PODS));
    // a floor whose watch fell behind did less work than it claims: wait for it, then refuse its figure
    const expected = WARMUP + PODS;
    let watched = 0;
    for (let i = 0; i < 50 && watched < expected; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      watched = (JSON.parse((await call(ep, { method: 'GET', path: '/watched' })).body) as { watched: number }).watched;
    }
    if (watched < expected) throw new Error(`floor server: its watch parsed ${watched} of ${expected} created pods`);
    return result;
  } finally {
    ep.agent.destroy();
    await floor.close();
  }
}

/**
 * One LIST's size, resourceVersion and item count. The parsed list is dropped at once: kept alive
 * while the LISTs are timed, its ~100 MB made the benchmark's own garbage collector the slowest
 * part of a LIST (p99 340–620 ms where the apiserver answered every one within 100 ms).
 */
async function listShape(ep: Endpoint): Promise<{ mb: string; listRv: string; count: number }> {
  const body = (await call(ep, { method: 'GET', path: `/api/v1/namespaces/${NS}/pods` })).body;
  const list = JSON.parse(body) as { metadata: { resourceVersion: string }; items: unknown[] };
  return { mb: `${(Buffer.byteLength(body) / 1e6).toFixed(1)} MB`, listRv: list.metadata.resourceVersion, count: list.items.length };
}

/** The phase's result and each process's CPU per operation during it. */
async function withCpu(pids: Record<string, number>, n: number, phase: () => Promise<Summary>): Promise<{ s: Summary; cpu: string }> {
  const before: CpuSample = sampleCpu(pids);
  const s = await phase();
  return { s, cpu: cpuPerOp(before, sampleCpu(pids), n) };
}

async function run(cp: BenchControlPlane, rows: Row[]): Promise<void> {
  const etcdPid = childPid(cp.pid, 'etcd');
  const pids = { apiserver: cp.pid, ...(etcdPid ? { etcd: etcdPid } : {}) };
  const http = endpoint(cp.insecureUrl, { sockets: CONC });
  const etcd = new Etcd3({ hosts: cp.etcdEndpoint });
  try {
    for (const ns of [NS, 'bench-warm', 'bench-tls']) await createNamespace(http, ns);
    log(`warm-up: ${WARMUP} raw puts and ${WARMUP} creates`);
    await rawPuts(etcd, '/bench-raw/warm', WARMUP);
    await apiCreates(http, 'bench-warm', WARMUP);

    log(`raw etcd3 puts: ${PODS}, ${CONC} concurrent`);
    const { s: raw, cpu: rawCpu } = await withCpu(pids, PODS, () => rawPuts(etcd, '/bench-raw/pods/bench', PODS));
    log(`floor server creates over HTTP: ${PODS}, ${CONC} concurrent`);
    const { s: floor, cpu: floorCpu } = await floorCreates(cp, etcdPid, false);
    log(`floor server + defaults, validation, managedFields: ${PODS}, ${CONC} concurrent`);
    const { s: floorApi, cpu: floorApiCpu } = await floorCreates(cp, etcdPid, true);
    log(`apiserver creates over HTTP: ${PODS}, ${CONC} concurrent`);
    const { s: api, cpu: apiCpu } = await withCpu(pids, PODS, () => apiCreates(http, NS, PODS));
    const ratio = api.perSecond / raw.perSecond;
    rows.push(
      { name: 'baseline: raw etcd3 put (same bytes)', value: rate(raw) },
      { name: '  CPU per put', value: rawCpu },
      { name: 'floor: HTTP + JSON + create txn + watch, no API', value: rate(floor) },
      { name: '  CPU per create', value: floorCpu },
      { name: 'floor throughput / raw', value: `${((floor.perSecond / raw.perSecond) * 100).toFixed(1)} %` },
      { name: 'floor + defaults, validation, managedFields', value: rate(floorApi) },
      { name: '  CPU per create', value: floorApiCpu },
      { name: 'floor + that API work / raw', value: `${((floorApi.perSecond / raw.perSecond) * 100).toFixed(1)} %` },
      { name: `create pod, HTTP, ${CONC} clients`, value: rate(api) },
      { name: '  CPU per create', value: apiCpu },
      { name: 'create throughput apiserver/raw', value: `${(ratio * 100).toFixed(1)} %`, target: '>= 50 %', pass: ratio >= 0.5 },
    );
    if (api.errors || raw.errors) rows.push({ name: 'errors (creates / raw puts)', value: `${api.errors} / ${raw.errors}`, target: '0', pass: false });

    const { mb, listRv, count } = await listShape(http);
    log(`LIST x${LISTS} (${count} items, rv ${listRv})`);
    const list = await lists(http, '');
    const list0 = await lists(http, '?resourceVersion=0');
    rows.push(
      { name: `LIST ${count} pods (${mb}), p50`, value: fmtMs(list.p50) },
      { name: `LIST ${count} pods, p99`, value: fmtMs(list.p99), target: '<= 300 ms', pass: list.p99 <= 300 && !list.errors },
      { name: 'LIST ?resourceVersion=0, p50 / p99', value: `${fmtMs(list0.p50)} / ${fmtMs(list0.p99)}`, target: '<= 300 ms', pass: list0.p99 <= 300 && !list0.errors },
    );

    log(`watch fan-out: ${WATCHERS} watchers, ${CHANGES} changes`);
    const watchEp = endpoint(cp.insecureUrl, { sockets: WATCHERS });
    const fan = await watchFanout({ watchEp, writeEp: http, namespace: NS, resourceVersion: listRv, watchers: WATCHERS, changes: CHANGES, podName: (k) => podName((k * 97) % PODS) }).finally(() => watchEp.agent.destroy());
    const d = fan.delivery.summary(0);
    rows.push(
      { name: `watch delivery, ${WATCHERS} watchers, p50`, value: `${fmtMs(d.p50)}  (max ${fmtMs(d.max)}, ${d.count} pairs)` },
      { name: `watch delivery, ${WATCHERS} watchers, p99`, value: fmtMs(d.p99), target: '<= 50 ms', pass: d.p99 <= 50 && fan.missed === 0 },
      { name: 'the PATCH itself, p50 / p99', value: `${fmtMs(fan.patch.summary(0).p50)} / ${fmtMs(fan.patch.summary(0).p99)}` },
    );
    if (fan.missed) rows.push({ name: 'watch events not delivered in 5 s', value: String(fan.missed), target: '0', pass: false });

    log(`bindings: ${PODS} pods to one node, ${CONC} concurrent`);
    await call(http, { method: 'POST', path: '/api/v1/nodes', body: JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: BIND_NODE } }) });
    const { s: bound, cpu: bindCpu } = await withCpu(pids, PODS, () => binds(http, NS, BIND_NODE, PODS));
    rows.push(
      { name: `bind pod (pods/binding), ${CONC} clients`, value: rate(bound), target: '>= 1000/s', pass: bound.perSecond >= 1000 && !bound.errors },
      { name: '  CPU per bind', value: bindCpu },
      { name: 'bind throughput apiserver/raw put', value: `${((bound.perSecond / raw.perSecond) * 100).toFixed(1)} %` },
    );
    if (bound.errors) rows.push({ name: 'errors (binds)', value: String(bound.errors), target: '0', pass: false });

    log(`status updates: ${PODS} pods reported Running (merge patch of pods/status), ${CONC} concurrent`);
    const { s: reported, cpu: statusCpu } = await withCpu(pids, PODS, () => statusUpdates(http, NS, PODS));
    rows.push(
      { name: `pod status update (PATCH pods/status), ${CONC} clients`, value: rate(reported) },
      { name: '  CPU per status update', value: statusCpu },
    );
    if (reported.errors) rows.push({ name: 'errors (status updates)', value: String(reported.errors), target: '0', pass: false });

    if (TLS_PODS > 0) {
      log(`apiserver creates over HTTPS + token: ${TLS_PODS}, ${CONC} concurrent`);
      const https = endpoint(cp.secureUrl, { sockets: CONC, caPem: cp.caPem, token: cp.adminToken });
      const tls = await apiCreates(https, 'bench-tls', TLS_PODS).finally(() => https.agent.destroy());
      rows.push({ name: `create pod, HTTPS+token, ${CONC} clients (${tls.count})`, value: rate(tls) });
    }
  } finally {
    http.agent.destroy();
    etcd.close();
  }
}

await runWithControlPlane(() => `apiserver benchmark, ${PODS} pods, ${CONC} clients`, run);
