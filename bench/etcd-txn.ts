/**
 * The client's CPU per etcd KV.Txn, the apiserver's hottest call (one per create, update, delete,
 * bind): the Txn as the Store built it for `etcd3` (connection pool, cockatiel policies, grpc-js,
 * proto-loader's object conversion) against the same Txn through grpc-js directly with the hand-written
 * codec of libs/store/src/etcd-codec.ts, against a bare node:http2 gRPC call with that codec, and the
 * Store's `update` as it ships. Each Txn is what an update is: compare the key's mod revision, put
 * ~1.5 KB of JSON, read the key if the compare fails; N distinct keys created first, each updated once
 * per run at the revision its last update returned, 128 in flight. Client CPU from
 * process.cpuUsage(), etcd's from /proc. Variants take turns, in alternating order per round, so
 * drift in the machine shows.
 *
 * Knobs (env): BENCH_TXNS (20000), BENCH_CONCURRENCY (128), BENCH_ROUNDS (2).
 */
import http2 from 'node:http2';
import { loadavg } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import { Store, decodeTxnResponse, encodeTxnRequest, startEtcd } from '@tugboat/store';
import type { TxnResult } from '@tugboat/store';
import { log, renderTable } from './report.js';
import type { Row } from './report.js';
import { childPid, cpuSecondsOf } from './stats-cpu.js';

const num = (name: string, def: number) => Number(process.env[name] ?? def);
const N = num('BENCH_TXNS', 20_000);
const CONC = num('BENCH_CONCURRENCY', 128);
const ROUNDS = num('BENCH_ROUNDS', 2);
const WARMUP = Math.min(N, 2_000);
const CALL_TIMEOUT_MS = 10_000;
const PREFIX = '/registry/pods/bench-txn/';
const TXN = '/etcdserverpb.KV/Txn';

/** A pod-shaped JSON of about 1.5 KB, different per key and per run. */
function podJson(i: number, run: number): string {
  const name = `pod-${i}`;
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'bench-txn',
      uid: `6f1c2a3e-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(run),
      creationTimestamp: '2026-12-01T10:00:00Z',
      labels: { app: 'web', tier: 'frontend', 'pod-template-hash': '5d8f7c9b6' },
      annotations: { 'bench/run': String(run) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f7c9b6', uid: '0b7e8d2c-1111-4222-8333-444455556666', controller: true, blockOwnerDeletion: true }],
      managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'v1', time: '2026-12-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} }, 'f:spec': { 'f:containers': {} } } }],
    },
    spec: {
      nodeName: `node-${i % 1000}`,
      containers: [
        {
          name: 'web',
          image: 'registry.example.com/team/web:1.27.3',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: [{ name: 'MODE', value: 'production' }, { name: 'LOG_LEVEL', value: 'info' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
          terminationMessagePath: '/dev/termination-log',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    },
    status: { phase: 'Pending', qosClass: 'Burstable', conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-12-01T10:00:01Z' }] },
  });
}

/** An update: put `value` if `key` is still at `rev`; resolves to the write's revision. */
type Update = (key: string, value: string, rev: number) => Promise<number>;

function lost(key: string): never {
  throw new Error(`bench: the update of ${key} lost its compare; the revisions are off`);
}

/** The Txn of an update in etcd-codec's encoding, with `prefix` bytes free in front. */
const encodeUpdate = (key: string, value: string, rev: number, prefix = 0): Buffer => {
  const k = Buffer.from(key);
  return encodeTxnRequest(
    { compare: [{ target: 'mod', key: k, revision: rev }], success: [{ type: 'put', key: k, value: Buffer.from(value) }], failure: [{ type: 'range', key: k }] },
    prefix,
  );
};

const settle = (key: string, r: TxnResult): number => (r.succeeded ? r.revision : lost(key));

/** (b) grpc-js directly: a Client of its own, the codec as (de)serializer. */
function grpcJs(endpoint: string): { update: Update; close(): void } {
  const client = new grpc.Client(endpoint.replace(/^https?:\/\//, ''), grpc.credentials.createInsecure(), {
    'grpc.enable_channelz': 0,
    'grpc.max_receive_message_length': -1,
    'grpc.use_local_subchannel_pool': 1,
  });
  const asIs = (b: Buffer): Buffer => b;
  const update: Update = (key, value, rev) =>
    new Promise((resolve, reject) => {
      client.makeUnaryRequest(TXN, asIs, decodeTxnResponse, encodeUpdate(key, value, rev), { deadline: Date.now() + CALL_TIMEOUT_MS }, (err, res) =>
        err ? reject(err) : resolve(settle(key, res!)),
      );
    });
  return { update, close: () => client.close() };
}

/** (c) a bare HTTP/2 gRPC unary call (h2c): 5-byte frame header, grpc-status in the trailers. */
function rawHttp2(endpoint: string): { update: Update; close(): void } {
  const session = http2.connect(endpoint);
  session.on('error', (err) => log(`http2 session: ${err.message}`));
  const call = (frame: Buffer): Promise<TxnResult> =>
    new Promise((resolve, reject) => {
      frame[0] = 0;
      frame.writeUInt32BE(frame.length - 5, 1);
      const stream = session.request({
        ':method': 'POST',
        ':path': TXN,
        'content-type': 'application/grpc',
        te: 'trailers',
        'grpc-timeout': `${CALL_TIMEOUT_MS}m`,
      });
      const chunks: Buffer[] = [];
      let status: string | undefined;
      let message: string | undefined;
      stream.on('response', (h) => {
        if (h['grpc-status'] !== undefined) [status, message] = [String(h['grpc-status']), String(h['grpc-message'] ?? '')]; // trailers-only answer
      });
      stream.on('trailers', (h) => ([status, message] = [String(h['grpc-status']), String(h['grpc-message'] ?? '')]));
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('close', () => {
        if (status !== '0') return reject(new Error(`grpc-status ${status}: ${message}`));
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        try {
          resolve(decodeTxnResponse(body.subarray(5, 5 + body.readUInt32BE(1))));
        } catch (err) {
          reject(err as Error);
        }
      });
      stream.end(frame);
    });
  const update: Update = async (key, value, rev) => settle(key, await call(encodeUpdate(key, value, rev, 5)));
  return { update, close: () => session.close() };
}

interface Measured {
  cpuMs: number;
  etcdMs: number;
  perSecond: number;
}

const etcd = await startEtcd();
const store = new Store({ endpoints: [etcd.endpoint], callTimeoutMs: CALL_TIMEOUT_MS });
const direct = grpcJs(etcd.endpoint);
const raw = rawHttp2(etcd.endpoint);
try {
  const etcdPid = childPid(process.pid, 'etcd');
  const keys = Array.from({ length: N }, (_, i) => `${PREFIX}pod-${i}`);
  const revs = new Array<number>(N).fill(0);
  let run = 0;

  /** `count` updates, CONC in flight, each key once, at the revision its last write returned. */
  const updates = async (update: Update, count: number): Promise<Measured> => {
    run++;
    const values = Array.from({ length: count }, (_, i) => podJson(i, run));
    let next = 0;
    const etcd0 = etcdPid === undefined ? NaN : cpuSecondsOf(etcdPid);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CONC }, async () => {
        for (let i = next++; i < count; i = next++) revs[i] = await update(keys[i]!, values[i]!, revs[i]!);
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const etcdMs = etcdPid === undefined ? NaN : ((cpuSecondsOf(etcdPid) - etcd0) * 1000) / count;
    return { cpuMs: (cpu.user + cpu.system) / 1000 / count, etcdMs, perSecond: count / seconds };
  };

  const variants: { name: string; update: Update }[] = [
    {
      // exactly the message and path of Store.txn before the lean client: etcd3's KV.txn with the same client options
      name: '(a) etcd3 kv.txn',
      update: async (key, value, rev) => {
        const k = Buffer.from(key);
        const res = await store.etcd.kv.txn({
          compare: [{ key: k, target: 'Mod', result: 'Equal', mod_revision: rev }],
          success: [{ request_put: { key: k, value: Buffer.from(value) } }],
          failure: [{ request_range: { key: k } }],
        });
        return res.succeeded ? Number(res.header.revision) : lost(key);
      },
    },
    { name: '(b) grpc-js + codec', update: direct.update },
    { name: '(c) node:http2 + codec', update: raw.update },
    {
      name: 'Store.update as shipped',
      update: async (key, value, rev) => {
        const r = await store.update(key, value, rev);
        return r.ok ? r.revision : lost(key);
      },
    },
  ];

  log(`creating ${N} keys of ~${podJson(0, 0).length} bytes`);
  await Promise.all(
    Array.from({ length: CONC }, async (_, w) => {
      for (let i = w; i < N; i += CONC) {
        const r = await store.create(keys[i]!, podJson(i, 0));
        revs[i] = r.ok ? r.revision : lost(keys[i]!);
      }
    }),
  );
  for (const v of variants) {
    log(`warm-up ${v.name}: ${WARMUP} updates`);
    await updates(v.update, WARMUP);
  }
  const results = new Map<string, Measured[]>(variants.map((v) => [v.name, []]));
  const rows: Row[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? variants : [...variants].reverse();
    const got = new Map<string, Measured>();
    for (const v of order) {
      const m = await updates(v.update, N);
      got.set(v.name, m);
      results.get(v.name)!.push(m);
      log(`round ${round} ${v.name}: ${m.cpuMs.toFixed(3)} ms client CPU, ${m.etcdMs.toFixed(3)} ms etcd CPU per txn, ${m.perSecond.toFixed(0)} txn/s`);
    }
    const base = got.get(variants[0]!.name)!;
    for (const v of variants) {
      const m = got.get(v.name)!;
      const vs = v === variants[0] ? 'baseline' : `${(m.cpuMs - base.cpuMs >= 0 ? '+' : '') + (m.cpuMs - base.cpuMs).toFixed(3)} ms (${((100 * m.cpuMs) / base.cpuMs).toFixed(0)} % of (a))`;
      rows.push({ name: `round ${round}: ${v.name}, client CPU per txn`, value: `${m.cpuMs.toFixed(3)} ms  ${vs}` });
      rows.push({ name: `round ${round}: ${v.name}, throughput`, value: `${m.perSecond.toFixed(0)}/s  (etcd ${m.etcdMs.toFixed(3)} ms CPU per txn)` });
    }
  }
  console.log(
    `\netcd KV.Txn client cost, ${N} updates of ~${podJson(0, 0).length}-byte values per figure, ${CONC} in flight, ` +
      `node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}\n`,
  );
  console.log(renderTable(rows));
} finally {
  direct.close();
  raw.close();
  store.close();
  await etcd.close();
}
