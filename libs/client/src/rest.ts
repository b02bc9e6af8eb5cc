/**
 * The REST client interface every component uses to talk to the apiserver.
 * (Interface fixed here so the CLI, informer and controllers can be written against it;
 * the implementation lives beside it.)
 */
import type { DeleteOptions, KubeList, KubeObject, PatchType, ResourceInfo, WatchEvent } from '@tugboat/api';

export interface ObjectRef {
  resource: ResourceInfo;
  namespace?: string;
  name: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  limit?: number;
}

export interface WatchOptions extends ListOptions {
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  signal?: AbortSignal;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  force?: boolean;
}

export interface RestClient {
  readonly server: string;
  get<T extends KubeObject = KubeObject>(ref: ObjectRef, subresource?: string): Promise<T>;
  list<T extends KubeObject = KubeObject>(resource: ResourceInfo, opts?: ListOptions): Promise<KubeList<T>>;
  create<T extends KubeObject = KubeObject>(resource: ResourceInfo, obj: KubeObject, opts?: WriteOptions & { namespace?: string }): Promise<T>;
  update<T extends KubeObject = KubeObject>(ref: ObjectRef, obj: KubeObject, opts?: WriteOptions & { subresource?: string }): Promise<T>;
  patch<T extends KubeObject = KubeObject>(ref: ObjectRef, type: PatchType, body: unknown, opts?: WriteOptions & { subresource?: string }): Promise<T>;
  delete(ref: ObjectRef, opts?: DeleteOptions): Promise<KubeObject>;
  /** Stream watch events until the server closes, the signal aborts, or an error (410 → ApiError 'Expired'). */
  watch<T extends KubeObject = KubeObject>(resource: ResourceInfo, opts?: WatchOptions): AsyncIterable<WatchEvent<T>>;
  /** Raw request for paths the typed calls don't cover (discovery, tables, logs). */
  request(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }): Promise<{ status: number; headers: Record<string, string>; body: Buffer }>;
  /** Release pooled connections (keep-alive sockets) so the process can exit. */
  close?(): void;
}
