/**
 * RestClient over node's http/https. Typed calls throw the server's ApiError on any non-2xx
 * answer; `request()` is the raw escape hatch and never throws on status.
 */
import type { DeleteOptions, KubeList, KubeObject, PatchType, ResourceInfo, WatchEvent } from '@tugboat/api';
import { queryString, resourcePath } from './paths.js';
import type { QueryValue } from './paths.js';
import type { ListOptions, ObjectRef, RestClient, WatchOptions, WriteOptions } from './rest.js';
import { errorFromResponse } from './response-errors.js';
import { Transport, flatHeaders } from './transport.js';
import type { TransportOptions } from './transport.js';
import { watchStream } from './watch-stream.js';

export interface HttpClientOptions extends TransportOptions {
  /** bearer token sent on every request */
  token?: string | undefined;
  /** namespace used for namespaced objects when neither the ref nor the object names one */
  defaultNamespace?: string | undefined;
  userAgent?: string | undefined;
  /** socket idle timeout for non-watch calls (default 60 s) */
  requestTimeoutMs?: number | undefined;
}

export const PATCH_MEDIA_TYPES: Readonly<Record<PatchType, string>> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

interface Call {
  method: string;
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  contentType?: string;
}

export class HttpRestClient implements RestClient {
  readonly server: string;
  private readonly transport: Transport;
  private readonly baseHeaders: Record<string, string>;
  private readonly defaultNamespace: string;
  private readonly timeoutMs: number;

  constructor(opts: HttpClientOptions) {
    this.server = opts.server;
    this.transport = new Transport(opts);
    this.defaultNamespace = opts.defaultNamespace ?? 'default';
    this.timeoutMs = opts.requestTimeoutMs ?? 60_000;
    this.baseHeaders = {
      accept: 'application/json',
      'user-agent': opts.userAgent ?? 'tugboat-client',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    };
  }

  get<T extends KubeObject>(ref: ObjectRef, subresource?: string): Promise<T> {
    return this.call<T>({ method: 'GET', path: this.refPath(ref, subresource) });
  }

  list<T extends KubeObject>(resource: ResourceInfo, opts: ListOptions = {}): Promise<KubeList<T>> {
    const path = resourcePath(resource, { namespace: opts.namespace });
    return this.call<KubeList<T>>({ method: 'GET', path, query: listQuery(opts) });
  }

  create<T extends KubeObject>(resource: ResourceInfo, obj: KubeObject, opts: WriteOptions & { namespace?: string } = {}): Promise<T> {
    const namespace = this.namespaceFor(resource, opts.namespace ?? obj.metadata.namespace);
    const path = resourcePath(resource, { namespace });
    return this.call<T>({ method: 'POST', path, query: writeQuery(opts), body: obj });
  }

  update<T extends KubeObject>(ref: ObjectRef, obj: KubeObject, opts: WriteOptions & { subresource?: string } = {}): Promise<T> {
    const path = this.refPath(ref, opts.subresource);
    return this.call<T>({ method: 'PUT', path, query: writeQuery(opts), body: obj });
  }

  patch<T extends KubeObject>(ref: ObjectRef, type: PatchType, body: unknown, opts: WriteOptions & { subresource?: string } = {}): Promise<T> {
    const query: Record<string, QueryValue> = { ...writeQuery(opts), force: type === 'apply' && opts.force ? true : undefined };
    // Server-side apply requires a field manager; kubectl's default name keeps ownership familiar.
    if (type === 'apply') query.fieldManager ??= 'tugboat';
    return this.call<T>({ method: 'PATCH', path: this.refPath(ref, opts.subresource), query, body, contentType: PATCH_MEDIA_TYPES[type] });
  }

  delete(ref: ObjectRef, opts?: DeleteOptions): Promise<KubeObject> {
    const body = opts ? { kind: 'DeleteOptions', apiVersion: 'v1', ...opts } : undefined;
    return this.call<KubeObject>({ method: 'DELETE', path: this.refPath(ref), body });
  }

  watch<T extends KubeObject>(resource: ResourceInfo, opts: WatchOptions = {}): AsyncIterable<WatchEvent<T>> {
    const query = { ...listQuery(opts), watch: true, allowWatchBookmarks: opts.allowWatchBookmarks, timeoutSeconds: opts.timeoutSeconds };
    const path = resourcePath(resource, { namespace: opts.namespace }) + queryString(query);
    return watchStream<T>({ transport: this.transport, path, headers: this.baseHeaders, signal: opts.signal });
  }

  async request(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const body = encodeBody(init.body);
    const headers = { ...this.baseHeaders, ...(body && !init.headers?.['content-type'] ? { 'content-type': 'application/json' } : {}), ...init.headers };
    const res = await this.transport.exchange({ method, path, headers, body, signal: init.signal, timeoutMs: this.timeoutMs });
    let flat: Record<string, string> | undefined;
    // headers flattened only for a caller that reads them (a bind, the busiest caller, does not)
    return {
      status: res.statusCode,
      get headers() {
        return (flat ??= flatHeaders(res));
      },
      body: res.body,
    };
  }

  close(): void {
    this.transport.close();
  }

  private async call<T>(c: Call): Promise<T> {
    const body = encodeBody(c.body);
    const headers = { ...this.baseHeaders, ...(body ? { 'content-type': c.contentType ?? 'application/json' } : {}) };
    const res = await this.transport.exchange({
      method: c.method,
      path: c.path + queryString(c.query ?? {}),
      headers,
      body,
      timeoutMs: this.timeoutMs,
    });
    if (res.statusCode < 200 || res.statusCode >= 300) throw errorFromResponse(res.statusCode, res.body);
    return JSON.parse(res.body.toString('utf8')) as T;
  }

  private refPath(ref: ObjectRef, subresource?: string): string {
    const namespace = this.namespaceFor(ref.resource, ref.namespace);
    return resourcePath(ref.resource, { namespace, name: ref.name, subresource });
  }

  private namespaceFor(resource: ResourceInfo, namespace: string | undefined): string | undefined {
    if (!resource.namespaced) return undefined;
    return namespace || this.defaultNamespace;
  }
}

function listQuery(opts: ListOptions): Record<string, QueryValue> {
  return {
    labelSelector: opts.labelSelector || undefined,
    fieldSelector: opts.fieldSelector || undefined,
    resourceVersion: opts.resourceVersion || undefined,
    limit: opts.limit,
  };
}

function writeQuery(opts: WriteOptions): Record<string, QueryValue> {
  return { dryRun: opts.dryRun ? 'All' : undefined, fieldManager: opts.fieldManager };
}

/** Objects go as JSON; a string or Buffer (YAML apply patches, raw bodies) goes as given. */
function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body), 'utf8');
}
