/**
 * Informer: list, then watch from the list's resourceVersion, keeping a local cache and telling
 * handlers what changed. On 410 Expired it relists (reporting objects that vanished meanwhile as
 * deletes); on other failures it reconnects after a back-off of 1 s doubling to 30 s plus jitter,
 * resuming the watch from the last resourceVersion it saw.
 */
import { apiVersionOf, isApiError } from '@tugboat/api';
import type { KubeObject, ResourceInfo, WatchEvent } from '@tugboat/api';
import { RECONNECT_BACKOFF, backoffDelay } from './backoff.js';
import { ObjectStore } from './cache.js';
import type { ObjectCache } from './cache.js';
import { sleep } from './delay.js';
import type { DelayFn } from './delay.js';
import { HandlerSet } from './handlers.js';
import type { InformerHandlers } from './handlers.js';
import { keyOf } from './keys.js';
import { silentLogger } from './logger.js';
import type { Logger } from './logger.js';
import type { RestClient } from './rest.js';
import { errorFromWatchObject } from './response-errors.js';

export interface InformerOptions {
  client: RestClient;
  resource: ResourceInfo;
  /** limit to one namespace; all namespaces when unset */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  logger?: Logger;
  /** injectable so tests need not sleep through back-offs */
  delay?: DelayFn;
  random?: () => number;
  /** server-side watch timeout; the informer re-watches when it elapses (default 5-10 min, as client-go) */
  watchTimeoutSeconds?: number;
}

export interface Running {
  /** resolves after the first list has filled the cache; rejects if closed before that */
  readonly ready: Promise<void>;
  /** stops the watch, cancels any back-off timer and waits for the loop to end */
  close(): Promise<void>;
}

export interface Informer<T extends KubeObject = KubeObject> extends ObjectCache<T> {
  readonly resource: ResourceInfo;
  /** Register handlers; objects already cached are replayed as adds. Returns an unregister function. */
  addEventHandler(handlers: InformerHandlers<T>): () => void;
  hasSynced(): boolean;
  /** the same promise as start().ready, for code that did not start the informer */
  synced(): Promise<void>;
  start(): Running;
}

export function createInformer<T extends KubeObject = KubeObject>(opts: InformerOptions): Informer<T> {
  return new ListWatchInformer<T>(opts);
}

class ListWatchInformer<T extends KubeObject> implements Informer<T> {
  readonly resource: ResourceInfo;
  private readonly store = new ObjectStore<T>();
  private readonly handlers: HandlerSet<T>;
  private readonly logger: Logger;
  private readonly abort = new AbortController();
  private readonly ready: Promise<void>;
  private markReady!: (ok: boolean) => void;
  private isSynced = false;
  private resourceVersion = '';
  private running: Running | undefined;

  constructor(private readonly opts: InformerOptions) {
    this.resource = opts.resource;
    this.logger = opts.logger ?? silentLogger;
    this.handlers = new HandlerSet<T>(this.logger);
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = (ok) => (ok ? resolve() : reject(new Error(`informer for ${opts.resource.resource} closed before it synced`)));
    });
    // Callers that never await ready must not see an unhandled rejection when closing early.
    this.ready.catch(() => {});
  }

  get(key: string): T | undefined {
    return this.store.get(key);
  }

  list(namespace?: string): T[] {
    return this.store.list(namespace);
  }

  hasSynced(): boolean {
    return this.isSynced;
  }

  synced(): Promise<void> {
    return this.ready;
  }

  addEventHandler(handlers: InformerHandlers<T>): () => void {
    for (const obj of this.store.list()) handlers.add?.(obj);
    return this.handlers.register(handlers);
  }

  start(): Running {
    if (this.running) throw new Error(`informer for ${this.resource.resource} already started`);
    const loop = this.run(this.abort.signal);
    this.running = {
      ready: this.ready,
      close: async () => {
        this.abort.abort();
        await loop;
        this.markReady(false);
      },
    };
    return this.running;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    const delay = this.opts.delay ?? sleep;
    while (!signal.aborted) {
      let wait: number;
      try {
        if (this.resourceVersion === '') await this.relist();
        const events = await this.watchOnce(signal);
        // A healthy watch the server ended (timeoutSeconds) resumes at once; an empty one waits the
        // initial back-off so a server that keeps closing at once cannot make us spin.
        if (events > 0) failures = 0;
        wait = events > 0 ? 0 : backoffDelay(RECONNECT_BACKOFF, 1, this.opts.random);
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const expired = isApiError(err, 'Expired');
        if (expired) this.resourceVersion = '';
        this.logger[expired ? 'info' : 'warn']({ err, resource: this.resource.resource, failures }, expired ? 'watch expired, relisting' : 'list/watch failed, backing off');
        // One expiry is routine (compaction): relist at once. Repeated failures back off.
        wait = expired && failures === 1 ? 0 : backoffDelay(RECONNECT_BACKOFF, failures, this.opts.random);
      }
      if (wait > 0) await delay(wait, signal);
    }
  }

  private async relist(): Promise<void> {
    const { client, resource, namespace, labelSelector, fieldSelector } = this.opts;
    const list = await client.list<T>(resource, { namespace, labelSelector, fieldSelector });
    const diff = this.store.replace(list.items.map((o) => this.withKind(o)));
    this.resourceVersion = list.metadata.resourceVersion ?? '';
    for (const obj of diff.deleted) this.handlers.delete(obj);
    for (const obj of diff.added) this.handlers.add(obj);
    for (const { obj, old } of diff.updated) this.handlers.update(obj, old);
    if (!this.isSynced) {
      this.isSynced = true;
      this.markReady(true);
    }
  }

  /** Returns how many events arrived before the server closed the stream. */
  private async watchOnce(signal: AbortSignal): Promise<number> {
    const { client, resource, namespace, labelSelector, fieldSelector } = this.opts;
    const timeoutSeconds = this.opts.watchTimeoutSeconds ?? Math.floor(300 * (1 + (this.opts.random ?? Math.random)()));
    const stream = client.watch<T>(resource, {
      namespace,
      labelSelector,
      fieldSelector,
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: true,
      timeoutSeconds,
      signal,
    });
    let count = 0;
    for await (const event of stream) {
      count++;
      this.apply(event);
    }
    return count;
  }

  private apply(event: WatchEvent<T>): void {
    if (event.type === 'ERROR') throw errorFromWatchObject(event.object);
    const obj = this.withKind(event.object);
    if (event.type === 'BOOKMARK') {
      this.resourceVersion = obj.metadata.resourceVersion ?? this.resourceVersion;
      return;
    }
    if (event.type === 'DELETED') {
      const old = this.store.remove(keyOf(obj));
      this.handlers.delete(obj.metadata.resourceVersion || !old ? obj : old);
    } else {
      const old = this.store.upsert(obj);
      if (old) this.handlers.update(obj, old);
      else this.handlers.add(obj);
    }
    this.resourceVersion = obj.metadata.resourceVersion ?? this.resourceVersion;
  }

  /** List items come without kind/apiVersion; fill them so cached objects look like gotten ones. */
  private withKind(obj: T): T {
    if (obj.kind && obj.apiVersion) return obj;
    return { ...obj, kind: obj.kind || this.resource.kind, apiVersion: obj.apiVersion || apiVersionOf(this.resource) };
  }
}
