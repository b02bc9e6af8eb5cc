/** GET of one object and LIST (JSON or Table), served from etcd (get) and the watch cache (list). */
import type { KubeObject } from '@tugboat/api';
import { apiVersionOf } from '@tugboat/api';
import { sendJson, sendParts } from '../http/respond.js';
import { knownJson } from '../storage/codec.js';
import { toTable, wantsTable } from '../tables/index.js';
import type { HandlerContext } from './context.js';
import { selectorPredicate } from './filter.js';
import { parseResourceVersion } from './watch.js';

export async function handleGet(ctx: HandlerContext): Promise<void> {
  const obj = await ctx.store.get(ctx.request.namespace, ctx.request.name!);
  sendObject(ctx, obj);
}

/** One object, as JSON or as a one-row Table when the client asks for tables. */
export function sendObject(ctx: HandlerContext, obj: KubeObject, status = 200): void {
  if (wantsTable(ctx.req.headers.accept)) {
    sendJson(ctx.res, status, toTable(ctx.info, [obj], tableOptions(ctx, obj.metadata.resourceVersion)));
    return;
  }
  // a write's result was serialised when it was stored
  const json = knownJson(obj);
  if (json) sendParts(ctx.res, status, [json]);
  else sendJson(ctx.res, status, obj);
}

export function tableOptions(ctx: HandlerContext, resourceVersion: string | undefined) {
  const include = ctx.request.query.get('includeObject');
  const includeObject: 'None' | 'Metadata' | 'Object' = include === 'None' || include === 'Object' ? include : 'Metadata';
  return { now: new Date(), resourceVersion, includeObject };
}

export async function handleList(ctx: HandlerContext): Promise<void> {
  const { request, store } = ctx;
  const matches = selectorPredicate(ctx.info, request.query);
  const rv = request.query.get('resourceVersion');
  // resourceVersion unset: consistent, i.e. every write acknowledged before this request is visible
  const minRev = rv && rv !== '0' ? parseResourceVersion(rv) : rv === '0' ? 0 : store.lastWriteRevision;
  if (minRev > store.cache.revision) await store.cache.waitForRevision(minRev, 3_000);
  const ns = request.namespace;
  const items = [];
  for (const c of store.cache.list()) {
    if (ns && c.obj.metadata.namespace !== ns) continue;
    if (matches(c.obj)) items.push(c);
  }
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const revision = String(store.cache.revision);
  if (wantsTable(ctx.req.headers.accept)) {
    sendJson(ctx.res, 200, toTable(ctx.info, items.map((i) => i.obj), tableOptions(ctx, revision)));
    return;
  }
  // the list body is stitched from each object's cached bytes: no per-request serialisation
  const head = JSON.stringify({ kind: `${ctx.info.kind}List`, apiVersion: apiVersionOf(ctx.info), metadata: { resourceVersion: revision } });
  const parts: Buffer[] = [Buffer.from(`${head.slice(0, -1)},"items":[`)];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(item.json);
  });
  parts.push(CLOSE);
  sendParts(ctx.res, 200, parts);
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');
