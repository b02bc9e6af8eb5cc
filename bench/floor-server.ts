/**
 * The floor under the apiserver's create figure: the least a server can do for a create and still
 * be an apiserver on etcd, in its own process as the apiserver runs. It reads the HTTP body, parses
 * it, stamps uid and creationTimestamp, stores it with the same create-only transaction the
 * apiserver uses (`@tugboat/store`'s write client), keeps one etcd watch on the prefix and parses each event (what
 * a watch cache must do), and answers with the stored JSON. No validation, defaulting, admission,
 * managedFields, routing, metrics or logging. The parent gets its URL over IPC; 'close' or a dead
 * parent stops it.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyDefaults, recordUpdateManager, resourceFor, rfc3339, toCause, validateObject } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import { Store, watchPrefix } from '@tugboat/store';

export interface FloorServerInfo {
  url: string;
}

const PREFIX = process.env.FLOOR_PREFIX ?? '/floor/pods/';
/** FLOOR_API_WORK=1: also the API work no apiserver can skip, from @tugboat/api: defaults, validation, managedFields */
const API_WORK = process.env.FLOOR_API_WORK === '1';
const PODS = resourceFor('', 'v1', 'pods')!;
const etcdEndpoint = process.env.FLOOR_ETCD;
if (!etcdEndpoint) throw new Error('FLOOR_ETCD: the etcd endpoint is required');
const store = new Store({ endpoints: [etcdEndpoint] });
let watched = 0;
const watch = await watchPrefix(store, PREFIX, (await store.currentRevision()) + 1, {
  onEvents(events) {
    for (const ev of events) if (ev.type === 'put' && JSON.parse(ev.kv.value)) watched++;
  },
  onExpired: (err) => {
    throw err;
  },
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // how many events the watch parsed: the benchmark checks that it parsed every create
  if (req.method === 'GET' && req.url === '/watched') return answer(res, 200, JSON.stringify({ watched }));
  const ns = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || !ns) return answer(res, 404, '{"kind":"Status","code":404}');
  let obj = JSON.parse(await readBody(req)) as KubeObject;
  obj.metadata.uid = randomUUID();
  obj.metadata.creationTimestamp = rfc3339();
  if (API_WORK) {
    applyDefaults(obj);
    const problems = validateObject(PODS, obj);
    if (problems.length > 0) return answer(res, 422, JSON.stringify({ kind: 'Status', code: 422, causes: problems.map(toCause) }));
    obj = recordUpdateManager(undefined, obj, { manager: 'bench' });
  }
  const json = JSON.stringify(obj);
  const r = await store.create(`${PREFIX}${ns}/${String(obj.metadata.name)}`, json);
  if (!r.ok) return answer(res, 409, '{"kind":"Status","code":409}');
  answer(res, 201, json.replace('"metadata":{', `"metadata":{"resourceVersion":"${r.revision}",`));
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  create(req, res).catch((err: unknown) => answer(res, 500, JSON.stringify({ kind: 'Status', code: 500, message: String(err) })));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('no TCP address');

const shutdown = () => {
  setTimeout(() => process.exit(1), 5_000).unref();
  server.closeAllConnections();
  server.close();
  void watch.close().finally(() => {
    store.close();
    process.exit(0);
  });
};
process.on('message', (m) => m === 'close' && shutdown());
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.send!({ url: `http://127.0.0.1:${address.port}` } satisfies FloorServerInfo);
