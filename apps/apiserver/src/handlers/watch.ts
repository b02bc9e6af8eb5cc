/**
 * Watch: newline-delimited {type, object} events from the watch cache.
 *   resourceVersion unset/"0" → synthetic ADDED for what exists, then changes
 *   resourceVersion N          → every change after N (too old → one ERROR event with a 410 Status)
 * Selector transitions are translated as Kubernetes does (leaving the selection = DELETED).
 */
import type { KubeObject, WatchEventType } from '@tugboat/api';
import { ApiError, apiVersionOf, isApiError } from '@tugboat/api';
import { toTable, wantsTable } from '../tables/index.js';
import type { CacheEvent } from '../storage/watch-cache.js';
import type { HandlerContext } from './context.js';
import { selectorPredicate } from './filter.js';
import { tableOptions } from './read.js';

const DEFAULT_TIMEOUT_S = 1800;
const LINE_END = Buffer.from('}\n');
const BOOKMARK_EVERY_MS = 15_000;
/** a client this far behind is dropped, as Kubernetes drops slow watchers */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export async function handleWatch(ctx: HandlerContext): Promise<void> {
  const { req, res, request, store } = ctx;
  const matches = selectorPredicate(ctx.info, request.query);
  const ns = request.namespace;
  const inScope = (o: KubeObject) => (!ns || o.metadata.namespace === ns) && matches(o);
  const asTable = wantsTable(req.headers.accept);
  const rvParam = request.query.get('resourceVersion');
  const timeoutS = Number(request.query.get('timeoutSeconds') ?? DEFAULT_TIMEOUT_S) || DEFAULT_TIMEOUT_S;
  const bookmarks = request.query.get('allowWatchBookmarks') === 'true';
  const fromRev = rvParam && rvParam !== '0' ? parseResourceVersion(rvParam) : undefined;

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
  req.socket.setNoDelay(true);
  // a watch from the current revision may wait long for its first event; clients need the headers now
  res.flushHeaders();

  let done = false;
  let resolveDone: () => void = () => undefined;
  const finished = new Promise<void>((r) => (resolveDone = r));
  const finish = () => {
    if (done) return;
    done = true;
    sub?.close();
    clearTimeout(timeout);
    clearInterval(bookmarkTimer);
    res.end();
    resolveDone();
  };

  // Events that arrive in one turn of the event loop (one etcd watch response often carries many)
  // leave in one chunked write: one TLS record and one syscall instead of one per event.
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  const write = (type: WatchEventType, obj: KubeObject, json?: Buffer) => {
    if (done) return;
    if (!corked) {
      corked = true;
      res.cork();
      process.nextTick(uncork);
    }
    if (asTable && type !== 'BOOKMARK' && type !== 'ERROR') {
      res.write(`${JSON.stringify({ type, object: toTable(ctx.info, [obj], tableOptions(ctx, obj.metadata.resourceVersion)) })}\n`);
    } else {
      res.write(Buffer.concat([Buffer.from(`{"type":"${type}","object":`), json ?? Buffer.from(JSON.stringify(obj)), LINE_END]));
    }
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      ctx.log.warn({ resource: ctx.info.resource }, 'dropping a watcher that does not keep up');
      finish();
    }
  };

  const onEvent = (ev: CacheEvent) => {
    const now = inScope(ev.obj);
    const before = ev.prev !== undefined && inScope(ev.prev);
    if (ev.type === 'ADDED' && now) write('ADDED', ev.obj, ev.json);
    else if (ev.type === 'DELETED' && before) write('DELETED', ev.obj, ev.json);
    else if (ev.type === 'MODIFIED') {
      if (now && before) write('MODIFIED', ev.obj, ev.json);
      else if (now) write('ADDED', ev.obj, ev.json);
      else if (before) write('DELETED', ev.obj, ev.json);
    }
  };

  let sub: { close(): void } | undefined;
  const timeout = setTimeout(finish, timeoutS * 1000);
  const bookmarkTimer = setInterval(() => {
    if (bookmarks) write('BOOKMARK', bookmarkObject(ctx, String(store.cache.revision)));
  }, BOOKMARK_EVERY_MS);
  ctx.signal.addEventListener('abort', finish);
  res.on('close', finish);

  try {
    if (fromRev === undefined) {
      for (const c of store.cache.list()) if (inScope(c.obj)) write('ADDED', c.obj, c.json);
      sub = store.cache.subscribe(store.cache.revision, { onEvent, onTerminate: finish });
    } else {
      sub = store.cache.subscribe(fromRev, { onEvent, onTerminate: finish });
    }
  } catch (err) {
    if (!isApiError(err, 'Expired')) throw err;
    res.write(`${JSON.stringify({ type: 'ERROR', object: err.toStatus() })}\n`);
    finish();
  }
  await finished;
}

function bookmarkObject(ctx: HandlerContext, resourceVersion: string): KubeObject {
  return { kind: ctx.info.kind, apiVersion: apiVersionOf(ctx.info), metadata: { resourceVersion } };
}

export function parseResourceVersion(rv: string): number {
  const n = Number(rv);
  if (!/^\d+$/.test(rv) || !Number.isSafeInteger(n)) throw new ApiError('BadRequest', `invalid resource version: "${rv}"`);
  return n;
}
