/**
 * The request pipeline: authenticate → route (health, discovery, OpenAPI, metrics, resources)
 * → handler; every error becomes a Status with the status code its error code implies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo } from '@tugboat/api';
import { ApiError, resourceFor, toApiError } from '@tugboat/api';
import type { Logger } from 'pino';
import { apiGroupList, apiVersions, removedVersion, resourceList, versionInfo } from '../discovery.js';
import type { HandlerContext } from '../handlers/context.js';
import { handleBinding, handleEviction } from '../handlers/pod-subresources.js';
import { handleGet, handleList } from '../handlers/read.js';
import { handleScale } from '../handlers/scale.js';
import { handleWatch } from '../handlers/watch.js';
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleUpdate } from '../handlers/write.js';
import type { ApiMetrics } from '../metrics.js';
import { openApiDocument, openApiIndex } from '../openapi.js';
import type { AgentDialer } from '../pod-streams/agent-dialer.js';
import { upgradeRequired } from '../pod-streams/exec.js';
import { handleLog } from '../pod-streams/log.js';
import type { Authenticator } from '../security/tokens.js';
import type { Storage } from '../storage/storage.js';
import type { ResourceRequest } from './request-info.js';
import { parseResourcePath } from './request-info.js';
import { sendError, sendJson, sendText } from './respond.js';

export interface RouterDeps {
  storage: Storage;
  log: Logger;
  metrics: ApiMetrics;
  authenticate: Authenticator;
  /** requests on this listener skip authentication (the loopback-only plain HTTP port for tests) */
  trusted: boolean;
  isReady: () => boolean;
  signal: AbortSignal;
  /** AgentService clients for pods/log (pods/exec arrives as an upgrade, see pod-streams/exec.ts) */
  dialer: AgentDialer;
}

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version']);

function notFound(): ApiError {
  return new ApiError('NotFound', 'the server could not find the requested resource');
}

export function createRouter(deps: RouterDeps) {
  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    let verb = req.method ?? 'GET';
    let resource = '';
    try {
      const url = new URL(req.url ?? '/', 'http://apiserver');
      if (!deps.trusted && !PUBLIC_PATHS.has(url.pathname) && !deps.authenticate(req)) {
        throw new ApiError('Unauthorized', 'Unauthorized');
      }
      const request = parseResourcePath(req.method ?? 'GET', url);
      if (!request) {
        await serveNonResource(url, req, res, deps);
        return;
      }
      verb = request.verb;
      resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
      await serveResource(request, req, res, deps);
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.httpStatus >= 500) deps.log.error({ err, url: req.url, method: req.method }, 'request failed');
      if (!res.headersSent) sendError(res, apiErr);
      else res.end();
    } finally {
      deps.metrics.observeRequest(verb, resource, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

async function serveNonResource(url: URL, req: IncomingMessage, res: ServerResponse, deps: RouterDeps): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  if (req.method !== 'GET' && req.method !== 'HEAD') throw notFound();
  switch (path) {
    case '/healthz':
    case '/livez':
      return sendText(res, 200, 'ok');
    case '/readyz':
      return deps.isReady() ? sendText(res, 200, 'ok') : sendText(res, 503, 'not ready: watch caches are syncing');
    case '/version':
      return sendJson(res, 200, versionInfo());
    case '/metrics': {
      const body = await deps.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': deps.metrics.registry.contentType });
      res.end(body);
      return;
    }
    case '/api':
      return sendJson(res, 200, apiVersions());
    case '/apis':
      return sendJson(res, 200, apiGroupList());
    case '/openapi/v3':
      return sendJson(res, 200, openApiIndex());
  }
  if (parts[0] === 'api' && parts.length === 2) return sendOr404(res, resourceList('', parts[1]!));
  if (parts[0] === 'apis' && parts.length === 3) return sendOr404(res, resourceList(parts[1]!, parts[2]!));
  if (parts[0] === 'apis' && parts.length === 2) {
    const groups = apiGroupList().groups as { name: string }[];
    return sendOr404(res, groups.find((g) => g.name === parts[1]) ? { kind: 'APIGroup', apiVersion: 'v1', ...groups.find((g) => g.name === parts[1]) } : undefined);
  }
  if (parts[0] === 'openapi' && parts[1] === 'v3') {
    if (parts[2] === 'api' && parts.length === 4) return sendOr404(res, openApiDocument('', parts[3]!));
    if (parts[2] === 'apis' && parts.length === 5) return sendOr404(res, openApiDocument(parts[3]!, parts[4]!));
  }
  throw notFound();
}

function sendOr404(res: ServerResponse, body: unknown): void {
  if (body === undefined) throw notFound();
  sendJson(res, 200, body);
}

function resolve(request: ResourceRequest): ResourceInfo {
  const removed = removedVersion(request.group, request.version, request.resource);
  if (removed) {
    throw new ApiError(
      'BadRequest',
      `${removed.kind} in version "${request.group}/${request.version}" is no longer served (removed in Kubernetes ${removed.removedIn}); use apiVersion: ${removed.replacement}`,
    );
  }
  const info = resourceFor(request.group, request.version, request.resource);
  if (!info) throw notFound();
  if (info.namespaced === false && request.namespace !== undefined) throw notFound();
  if (info.readOnly) throw new ApiError('ServiceUnavailable', `${request.resource}.${request.group} is not available yet`);
  return info;
}

async function serveResource(request: ResourceRequest, req: IncomingMessage, res: ServerResponse, deps: RouterDeps): Promise<void> {
  const info = resolve(request);
  const store = deps.storage.for(info);
  if (!store) throw notFound();
  let signal: AbortSignal | undefined;
  const ctx: HandlerContext = {
    req, res, request, info, store, storage: deps.storage, log: deps.log,
    // made on first use: only streaming handlers (watch, log) need one, and a signal per request
    // (a listener, an AbortController and AbortSignal.any) was a measurable part of every write
    get signal() {
      signal ??= clientGone(res, deps.signal);
      return signal;
    },
  };
  if (request.namespace === undefined && info.namespaced && !['list', 'watch', 'deletecollection', 'create'].includes(request.verb)) {
    throw notFound();
  }
  await dispatch(ctx, deps);
}

/** Aborted when the client goes away before the answer is complete (a closed watch) or the server closes. */
function clientGone(res: ServerResponse, server: AbortSignal): AbortSignal {
  const abort = new AbortController();
  // writableEnded, not writableFinished: an HTTP/2 stream the client cancels reports itself finished;
  // and HTTP/2's response has no `closed`: its stream has (a client may leave before a handler asks)
  const closed = res.closed ?? (res as unknown as { stream?: { closed?: boolean } }).stream?.closed;
  if (closed && !res.writableEnded) abort.abort();
  else {
    res.on('close', () => {
      if (!res.writableEnded) abort.abort();
    });
  }
  return AbortSignal.any([abort.signal, server]);
}

async function dispatch(ctx: HandlerContext, deps: RouterDeps): Promise<void> {
  const { request, info } = ctx;
  const sub = request.subresource;
  if (sub !== undefined) {
    if (!info.subresources.includes(sub as never)) throw notFound();
    switch (sub) {
      case 'scale':
        return handleScale(ctx);
      case 'binding':
        return handleBinding(ctx);
      case 'eviction':
        return handleEviction(ctx);
      case 'log':
        return handleLog(ctx, deps.dialer);
      case 'exec':
        // upgrades never reach the router: the servers' 'upgrade' listener takes them
        throw upgradeRequired();
      case 'status':
        if (request.verb === 'get') return handleGet(ctx);
        if (request.verb === 'update') return handleUpdate(ctx);
        if (request.verb === 'patch') return handlePatch(ctx);
        throw new ApiError('MethodNotAllowed', `${request.verb} is not supported on the status subresource`);
      default:
        throw new ApiError('ServiceUnavailable', `${info.resource}/${sub} needs a node agent, which this server does not have yet`);
    }
  }
  switch (request.verb) {
    case 'get':
      return handleGet(ctx);
    case 'list':
      return handleList(ctx);
    case 'watch': {
      deps.metrics.watchers.inc({ resource: info.resource });
      try {
        return await handleWatch(ctx);
      } finally {
        deps.metrics.watchers.dec({ resource: info.resource });
      }
    }
    case 'create':
      if (request.name !== undefined) throw new ApiError('MethodNotAllowed', 'POST is not allowed on a named object');
      return handleCreate(ctx);
    case 'update':
      return handleUpdate(ctx);
    case 'patch':
      return handlePatch(ctx);
    case 'delete':
      return handleDelete(ctx);
    case 'deletecollection':
      return handleDeleteCollection(ctx);
  }
}
