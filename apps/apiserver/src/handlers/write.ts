/** create (POST), update (PUT), patch (PATCH), delete and deletecollection on a resource or its status. */
import type { DeleteOptions, KubeObject, PatchType } from '@tugboat/api';
import { ApiError, PATCH_CONTENT_TYPES, applyPatch, serverSideApply } from '@tugboat/api';
import { decodeBody, isPlainObject, mediaType, readBody } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import type { Subresource } from '../storage/strategy.js';
import type { HandlerContext } from './context.js';
import { isDryRun } from './context.js';
import { selectorPredicate } from './filter.js';
import { sendObject } from './read.js';

export async function readObject(ctx: HandlerContext): Promise<KubeObject> {
  const body = decodeBody(await readBody(ctx.req), mediaType(ctx.req));
  if (!isPlainObject(body)) throw new ApiError('BadRequest', 'the request body must be a JSON object');
  if (body.metadata !== undefined && !isPlainObject(body.metadata)) {
    throw new ApiError('BadRequest', 'metadata: must be an object');
  }
  return { ...body, metadata: (body.metadata ?? {}) as KubeObject['metadata'] } as KubeObject;
}

/** The writer's name: ?fieldManager, else the User-Agent's product (`kubectl/v1.32…` → kubectl), as Kubernetes does. */
export function fieldManagerOf(ctx: HandlerContext): string {
  const explicit = ctx.request.query.get('fieldManager');
  if (explicit) return explicit;
  const agent = ctx.req.headers['user-agent'];
  return agent ? agent.split('/')[0]!.slice(0, 128) || 'unknown' : 'unknown';
}

export function writeOptions(ctx: HandlerContext) {
  return { dryRun: isDryRun(ctx.request.query), fieldManager: fieldManagerOf(ctx) };
}

export async function handleCreate(ctx: HandlerContext): Promise<void> {
  const obj = await readObject(ctx);
  if (ctx.request.namespace && obj.metadata.namespace && obj.metadata.namespace !== ctx.request.namespace) {
    throw new ApiError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
  }
  const ns = ctx.info.namespaced ? (ctx.request.namespace ?? obj.metadata.namespace) : undefined;
  if (ctx.info.namespaced && !ns) throw new ApiError('BadRequest', 'a namespace must be specified for a namespaced resource');
  const created = await ctx.store.create(ns, obj, writeOptions(ctx));
  sendObject(ctx, created, 201);
}

export async function handleUpdate(ctx: HandlerContext): Promise<void> {
  const obj = await readObject(ctx);
  const { request } = ctx;
  const sub: Subresource = request.subresource === 'status' ? 'status' : undefined;
  const { obj: out, created } = await ctx.store.update(request.namespace, request.name!, () => obj, { ...writeOptions(ctx), subresource: sub });
  sendObject(ctx, out, created ? 201 : 200);
}

export async function handlePatch(ctx: HandlerContext): Promise<void> {
  const type = mediaType(ctx.req);
  const patchType: PatchType | undefined = PATCH_CONTENT_TYPES[type];
  if (!patchType) {
    throw new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_CONTENT_TYPES).join(', ')}`);
  }
  const body = decodeBody(await readBody(ctx.req), type);
  const { request, info } = ctx;
  const sub: Subresource = request.subresource === 'status' ? 'status' : undefined;
  const opts = { ...writeOptions(ctx), subresource: sub };
  if (patchType === 'apply') {
    const fieldManager = request.query.get('fieldManager');
    if (!fieldManager) throw new ApiError('BadRequest', 'PATCH requests with apply-patch+yaml require a fieldManager');
    if (!isPlainObject(body)) throw new ApiError('BadRequest', 'the apply configuration must be an object');
    const applied = body as KubeObject;
    const force = request.query.get('force') === 'true';
    const { obj, created } = await ctx.store.update(
      request.namespace,
      request.name!,
      (current) => serverSideApply(current, applied, { fieldManager, force, subresource: sub === 'status' ? 'status' : undefined }),
      { ...opts, allowCreate: true, managerRecorded: true },
    );
    sendObject(ctx, obj, created ? 201 : 200);
    return;
  }
  const { obj } = await ctx.store.update(
    request.namespace,
    request.name!,
    (current) => {
      const patched = applyPatch(info.kind, current!, body, patchType);
      // a patch that does not name a resourceVersion applies to whatever is current (the result may
      // share metadata with `current`, so it is dropped from a copy)
      if (patched.metadata.resourceVersion !== current!.metadata.resourceVersion) return patched;
      const { resourceVersion: _rv, ...metadata } = patched.metadata;
      return { ...patched, metadata };
    },
    opts,
  );
  sendObject(ctx, obj);
}

async function readDeleteOptions(ctx: HandlerContext): Promise<DeleteOptions> {
  const raw = await readBody(ctx.req);
  const q = ctx.request.query;
  const decoded = raw.length > 0 ? decodeBody(raw, 'application/json') : {};
  if (!isPlainObject(decoded)) throw new ApiError('BadRequest', 'DeleteOptions must be an object');
  const opts = decoded as DeleteOptions;
  const grace = q.get('gracePeriodSeconds');
  if (grace !== null) opts.gracePeriodSeconds = Number(grace);
  const policy = q.get('propagationPolicy');
  if (policy) opts.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    throw new ApiError('BadRequest', `propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  if (opts.gracePeriodSeconds !== undefined && (!Number.isInteger(opts.gracePeriodSeconds) || opts.gracePeriodSeconds < 0)) {
    throw new ApiError('BadRequest', 'gracePeriodSeconds: must be a non-negative integer');
  }
  return opts;
}

export async function handleDelete(ctx: HandlerContext): Promise<void> {
  const opts = await readDeleteOptions(ctx);
  const out = await ctx.store.delete(ctx.request.namespace, ctx.request.name!, opts, { dryRun: isDryRun(ctx.request.query) });
  sendJson(ctx.res, 200, out);
}

export async function handleDeleteCollection(ctx: HandlerContext): Promise<void> {
  const opts = await readDeleteOptions(ctx);
  const matches = selectorPredicate(ctx.info, ctx.request.query);
  const ns = ctx.request.namespace;
  const targets = [...ctx.store.cache.list()].map((c) => c.obj).filter((o) => (!ns || o.metadata.namespace === ns) && matches(o));
  const items: KubeObject[] = [];
  for (const t of targets) {
    try {
      items.push(await ctx.store.delete(t.metadata.namespace, t.metadata.name!, opts, { dryRun: isDryRun(ctx.request.query) }));
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'NotFound')) throw err;
    }
  }
  sendJson(ctx.res, 200, { kind: `${ctx.info.kind}List`, apiVersion: items[0]?.apiVersion ?? '', metadata: {}, items });
}
