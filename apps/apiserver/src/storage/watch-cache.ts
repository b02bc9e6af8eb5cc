/**
 * One watch cache per resource: a list of the prefix, then one etcd watch from the list's revision.
 * It holds every object (parsed, and serialised once) and a bounded history of events, from which
 * it serves watches at any resourceVersion still in the history (older → 410 Expired) and lists at
 * resourceVersion=0. When the etcd watch dies (compaction) it relists and closes every subscriber,
 * so clients relist too.
 */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { errors } from '@tugboat/api';
import type { Logger } from 'pino';
import type { PrefixWatch, Store, StoreEvent, StoredValue } from '@tugboat/store';
import { watchPrefix } from '@tugboat/store';
import { resourcePrefix } from './keys.js';
import type { EncodedObject } from './codec.js';
import { decodeStored } from './codec.js';

export interface CachedObject {
  /** `namespace/name` (cluster-scoped: `name`): lists are sorted by it */
  readonly key: string;
  readonly obj: KubeObject;
  /** the object's JSON, encoded once when the event arrived: lists and watches send these bytes */
  readonly json: Buffer;
  readonly rev: number;
}

export interface CacheEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly rev: number;
  readonly obj: KubeObject;
  readonly json: Buffer;
  /** the object before this event (MODIFIED/DELETED), for selector transitions */
  readonly prev: KubeObject | undefined;
}

export interface Subscriber {
  onEvent(ev: CacheEvent): void;
  /** the cache can no longer serve this watcher (relist); the client must relist */
  onTerminate(): void;
}

export interface Subscription {
  close(): void;
}

const DEFAULT_HISTORY = 10_000;

export interface WatchCacheOptions {
  /** events kept for watches that resume from a resourceVersion */
  historySize?: number;
  /**
   * An index of the objects by one value (pods: spec.nodeName), as Kubernetes' watch cache triggers:
   * a subscriber that names a value hears only the events of objects that have (or had) it, and
   * `listBy` lists them without a scan; a node agent's stream is one of a thousand.
   */
  triggerOf?: (obj: KubeObject) => string | undefined;
}

function encode(obj: KubeObject): Buffer {
  return Buffer.from(JSON.stringify(obj));
}

export class WatchCache {
  private readonly objects = new Map<string, CachedObject>();
  private history: CacheEvent[] = [];
  /** every event with rev > historyStart is in `history` */
  private historyStart = 0;
  private rev = 0;
  private watch: PrefixWatch | undefined;
  private readonly subscribers = new Set<Subscriber>();
  /** subscribers that named a trigger value, by that value */
  private readonly triggered = new Map<string, Set<Subscriber>>();
  /** trigger value → keys of the objects that have it */
  private readonly index = new Map<string, Set<string>>();
  private readonly historySize: number;
  private readonly triggerOf: ((obj: KubeObject) => string | undefined) | undefined;
  private readonly revisionWaiters: { rev: number; resolve: () => void }[] = [];
  private closed = false;
  private restarting: Promise<void> | undefined;
  /** writes of this apiserver in flight, by etcd key: their event reuses the write's JSON */
  private readonly expected = new Map<string, EncodedObject>();

  constructor(
    private readonly store: Store,
    readonly info: ResourceInfo,
    private readonly log: Logger,
    opts: WatchCacheOptions = {},
  ) {
    this.historySize = opts.historySize ?? DEFAULT_HISTORY;
    this.triggerOf = opts.triggerOf;
  }

  get revision(): number {
    return this.rev;
  }

  async start(): Promise<void> {
    const prefix = resourcePrefix(this.info);
    const listed = await this.store.list(prefix);
    this.objects.clear();
    this.index.clear();
    for (const kv of listed.items) {
      const obj = decodeStored(kv);
      const key = this.keyOf(kv.key);
      this.objects.set(key, { key, obj, json: encode(obj), rev: kv.modRevision });
      this.reindex(key, undefined, obj);
    }
    this.rev = listed.revision;
    // writes made before the list are in it; their events will not come
    this.expected.clear();
    this.history = [];
    this.historyStart = listed.revision;
    this.watch = await watchPrefix(this.store, prefix, listed.revision + 1, {
      onEvents: (events, revision) => this.apply(events, revision),
      onExpired: (err) => this.restart(err),
      onReconnect: (err, delivered) => this.log.warn({ resource: this.info.resource, err: err.message, delivered }, 'etcd watch dropped; resuming'),
    });
    this.notifyRevisionWaiters();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.watch?.close();
    this.terminateSubscribers();
    for (const w of this.revisionWaiters.splice(0)) w.resolve();
  }

  /**
   * The write of `encoded` to `etcdKey` is about to be sent: when its event arrives, the cached JSON
   * is spliced from it rather than serialised again. Returns `forget` for a write that failed.
   */
  expect(etcdKey: string, encoded: EncodedObject): () => void {
    this.expected.set(etcdKey, encoded);
    return () => {
      if (this.expected.get(etcdKey) === encoded) this.expected.delete(etcdKey);
    };
  }

  list(): IterableIterator<CachedObject> {
    return this.objects.values();
  }

  /** The objects whose trigger value is `value` (see WatchCacheOptions.triggerOf). */
  *listBy(value: string): IterableIterator<CachedObject> {
    if (!this.triggerOf) throw new Error(`${this.info.resource}: the watch cache has no trigger index`);
    for (const key of this.index.get(value) ?? []) {
      const c = this.objects.get(key);
      if (c) yield c;
    }
  }

  get(key: string): CachedObject | undefined {
    return this.objects.get(key);
  }

  get size(): number {
    return this.objects.size;
  }

  /** Resolves when the cache has seen `rev` (or after timeoutMs; the caller re-checks `revision`). */
  waitForRevision(rev: number, timeoutMs: number): Promise<void> {
    if (this.rev >= rev || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { rev, resolve: () => undefined as void };
      const timer = setTimeout(() => {
        this.revisionWaiters.splice(this.revisionWaiters.indexOf(waiter), 1);
        resolve();
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.revisionWaiters.push(waiter);
    });
  }

  /**
   * Subscribe to events strictly after `fromRev`, replaying the history first.
   * Throws Expired when events after `fromRev` are no longer all in the history.
   */
  subscribe(fromRev: number, sub: Subscriber, trigger?: string): Subscription {
    if (fromRev < this.historyStart) {
      throw errors.expired(`too old resource version: ${fromRev} (${this.historyStart})`);
    }
    if (trigger !== undefined && !this.triggerOf) throw new Error(`${this.info.resource}: the watch cache has no trigger index`);
    for (const ev of this.history) if (ev.rev > fromRev && (trigger === undefined || this.hasTrigger(ev, trigger))) sub.onEvent(ev);
    if (trigger === undefined) {
      this.subscribers.add(sub);
      return { close: () => void this.subscribers.delete(sub) };
    }
    let set = this.triggered.get(trigger);
    if (!set) this.triggered.set(trigger, (set = new Set()));
    set.add(sub);
    return {
      close: () => {
        set.delete(sub);
        if (set.size === 0 && this.triggered.get(trigger) === set) this.triggered.delete(trigger);
      },
    };
  }

  private hasTrigger(ev: CacheEvent, value: string): boolean {
    return this.triggerOf!(ev.obj) === value || (ev.prev !== undefined && this.triggerOf!(ev.prev) === value);
  }

  private terminateSubscribers(): void {
    const all = [...this.subscribers, ...[...this.triggered.values()].flatMap((set) => [...set])];
    this.subscribers.clear();
    this.triggered.clear();
    for (const s of all) s.onTerminate();
  }

  /** Keep the trigger index: `key` moved from `before`'s value to `after`'s. */
  private reindex(key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    if (!this.triggerOf) return;
    const from = before && this.triggerOf(before);
    const to = after && this.triggerOf(after);
    if (from === to) return;
    if (from !== undefined) {
      const keys = this.index.get(from);
      keys?.delete(key);
      if (keys?.size === 0) this.index.delete(from);
    }
    if (to !== undefined) {
      let keys = this.index.get(to);
      if (!keys) this.index.set(to, (keys = new Set()));
      keys.add(key);
    }
  }

  private keyOf(etcdKey: string): string {
    // /registry/<resource>/<ns>/<name> → ns/name ; /registry/<resource>/<name> → name
    return etcdKey.slice(resourcePrefix(this.info).length);
  }

  private apply(events: StoreEvent[], revision: number): void {
    for (const ev of events) {
      const event = this.toCacheEvent(ev);
      if (!event) continue;
      this.record(event);
      for (const s of this.subscribers) s.onEvent(event);
      if (this.triggered.size > 0) this.dispatchTriggered(event);
    }
    if (revision > this.rev) this.rev = revision;
    this.notifyRevisionWaiters();
  }

  private dispatchTriggered(ev: CacheEvent): void {
    const now = this.triggerOf!(ev.obj);
    const before = ev.prev && this.triggerOf!(ev.prev);
    if (now !== undefined) for (const s of this.triggered.get(now) ?? []) s.onEvent(ev);
    if (before !== undefined && before !== now) for (const s of this.triggered.get(before) ?? []) s.onEvent(ev);
  }

  private toCacheEvent(ev: StoreEvent): CacheEvent | undefined {
    if (ev.type === 'put') {
      const key = this.keyOf(ev.kv.key);
      // this apiserver's own write: its object and JSON are at hand, no need to parse etcd's bytes
      const own = this.ownWrite(ev.kv);
      const obj = own ? own.objectAt(ev.kv.modRevision) : decodeStored(ev.kv);
      const json = own ? own.at(ev.kv.modRevision) : encode(obj);
      const prev = this.objects.get(key);
      this.objects.set(key, { key, obj, json, rev: ev.kv.modRevision });
      this.reindex(key, prev?.obj, obj);
      return { type: prev ? 'MODIFIED' : 'ADDED', rev: ev.kv.modRevision, obj, json, prev: prev?.obj };
    }
    const key = this.keyOf(ev.key);
    const prev = this.objects.get(key);
    this.objects.delete(key);
    this.reindex(key, prev?.obj, undefined);
    // the cache listed at its start revision and has seen every event since: it holds every key
    const base = prev?.obj;
    if (!base) return undefined;
    // a deleted object is reported in its last state, at the revision of its deletion
    const obj = { ...base, metadata: { ...base.metadata, resourceVersion: String(ev.modRevision) } };
    return { type: 'DELETED', rev: ev.modRevision, obj, json: encode(obj), prev: base };
  }

  /** The encoding of a put this apiserver wrote (same stored bytes). */
  private ownWrite(kv: StoredValue): EncodedObject | undefined {
    const encoded = this.expected.get(kv.key);
    if (encoded?.stored !== kv.value) return undefined;
    this.expected.delete(kv.key);
    return encoded;
  }

  private record(ev: CacheEvent): void {
    this.history.push(ev);
    if (ev.rev > this.rev) this.rev = ev.rev;
    // trimmed in batches of an eighth: dropping one event at a time moved the whole array per event
    if (this.history.length > this.historySize + (this.historySize >> 3)) {
      const dropped = this.history.splice(0, this.history.length - this.historySize);
      this.historyStart = dropped[dropped.length - 1]!.rev;
    }
  }

  private notifyRevisionWaiters(): void {
    for (let i = this.revisionWaiters.length - 1; i >= 0; i--) {
      const w = this.revisionWaiters[i]!;
      if (this.rev >= w.rev) {
        this.revisionWaiters.splice(i, 1);
        w.resolve();
      }
    }
  }

  private restart(err: Error): void {
    if (this.closed || this.restarting) return;
    this.log.warn({ resource: this.info.resource, err: err.message }, 'watch cache expired; relisting');
    this.terminateSubscribers();
    this.restarting = (async () => {
      for (let delay = 100; !this.closed; delay = Math.min(delay * 2, 5_000)) {
        try {
          await this.watch?.close();
          await this.start();
          return;
        } catch (e) {
          this.log.error({ resource: this.info.resource, err: (e as Error).message }, 'watch cache relist failed');
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    })().finally(() => (this.restarting = undefined));
  }
}
