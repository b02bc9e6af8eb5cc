/**
 * The state each attempt of ObjectStore.update starts from, and what an attempt reports back.
 * The first attempt starts from the watch cache's copy when there is one, which saves a read from
 * etcd; such a copy is not `fresh` (etcd has not confirmed it), so an attempt on it answers only
 * with a won compare-and-swap and otherwise reports `stale` or etcd's value for the next attempt.
 */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import type { Store, StoredValue } from '@tugboat/store';
import type { Admission } from './admission.js';
import type { EncodedObject } from './codec.js';
import { decodeStored } from './codec.js';
import { cacheKey } from './keys.js';
import type { WatchCache } from './watch-cache.js';

/**
 * What the update path (update-attempt.ts, binding.ts) uses of one resource's ObjectStore. The
 * ObjectStore passes itself rather than these being copied into a context object for each call.
 */
export interface ResourceStorage {
  readonly info: ResourceInfo;
  readonly store: Store;
  readonly cache: WatchCache;
  readonly admission: Admission;
  /** records a write etcd acknowledged at `rev` (ObjectStore.lastWriteRevision); returns `rev` */
  wrote(rev: number): number;
  /** the stored object at its new revision, carrying its JSON for the response */
  written(encoded: EncodedObject, rev: number): KubeObject;
}

/** The object an update starts from; `fresh` when read from etcd rather than the watch cache. */
export interface CurrentState {
  current: KubeObject;
  modRevision: number;
  fresh: boolean;
}

export interface Absent {
  current: undefined;
  fresh: true;
}

/**
 * One attempt's result: `done` with the answer, `stale` when a cached copy cannot decide (the
 * caller reads etcd and tries again), or the swap was lost to `current` (etcd's value then).
 */
export type AttemptOutcome =
  | { done: { obj: KubeObject; created: boolean } }
  | { stale: true }
  | { stale?: false; current: StoredValue | undefined; expectedRV: string | undefined };

export function decodedState(kv: StoredValue | undefined): { current: KubeObject; modRevision: number } | { current: undefined } {
  return kv ? { current: decodeStored(kv), modRevision: kv.modRevision } : { current: undefined };
}

/** The watch cache's object, not yet confirmed by etcd: a private copy unless `shared` (tryBind copies on write). */
export function cachedState(storage: ResourceStorage, namespace: string | undefined, name: string, shared: boolean): CurrentState | undefined {
  const cached = storage.cache.get(cacheKey(storage.info.namespaced ? namespace : undefined, name));
  if (!cached) return undefined;
  return { current: shared ? cached.obj : (JSON.parse(cached.json.toString('utf8')) as KubeObject), modRevision: cached.rev, fresh: false };
}

export async function freshState(store: Store, key: string): Promise<CurrentState | Absent> {
  return { ...decodedState(await store.get(key)), fresh: true };
}
