/**
 * One attempt of ObjectStore.update's compare-and-swap loop, for the main resource and its status:
 * tryUpdate's object is checked against the URL, prepared (what the subresource may change),
 * defaulted, admitted, validated, and swapped in at the mod revision the attempt started from.
 * Bindings and prepared writes take their own path (binding.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '@tugboat/api';
import { applyDefaults, errors } from '@tugboat/api';
import { tryBind } from './binding.js';
import { EncodedObject, withResourceVersion } from './codec.js';
import { withManager } from './managed-fields.js';
import { prepareForUpdate, updateGeneration } from './strategy.js';
import type { AttemptOutcome, CurrentState, ResourceStorage } from './update-state.js';
import { checkTypeMeta, validateWrite } from './validation.js';
import type { TryUpdate, UpdateOptions } from './write-options.js';

/** What one attempt writes: the object's key and name, in its resource's storage (the ObjectStore itself). */
export interface UpdateTarget {
  storage: ResourceStorage;
  key: string;
  namespace: string | undefined;
  name: string;
}

/**
 * One attempt on `state`: `done` with the answer, `stale` when a cached copy cannot decide (the
 * caller reads etcd and tries again), or the swap was lost to `current` (etcd's value then).
 */
export async function tryWrite(
  { storage, key, namespace, name }: UpdateTarget,
  state: CurrentState,
  tryUpdate: TryUpdate,
  opts: UpdateOptions,
): Promise<AttemptOutcome> {
  const { current, modRevision } = state;
  const { info } = storage;
  if (opts.subresource === 'binding' || opts.prepared) return tryBind(storage, key, state, tryUpdate);
  // the rest of the write changes `desired` in place, so it must share nothing with `current`; a
  // status write keeps only desired.status (prepareForUpdate), so only that is copied
  const returned = await tryUpdate(current);
  const desired = opts.subresource === 'status'
    ? { ...returned, metadata: { ...returned.metadata }, status: structuredClone(returned.status) }
    : structuredClone(returned);
  checkTypeMeta(info, desired);
  const expectedRV = desired.metadata?.resourceVersion;
  if (expectedRV !== undefined && expectedRV !== '' && expectedRV !== current.metadata.resourceVersion) {
    if (!state.fresh) return { stale: true };
    throw errors.modified(info.resource, info.group, name);
  }
  if (desired.metadata?.name !== undefined && desired.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${desired.metadata.name}) does not match the name on the URL (${name})`);
  }
  if (info.namespaced && desired.metadata?.namespace !== undefined && desired.metadata.namespace !== namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const next = prepareForUpdate(info, desired, current, opts.subresource);
  next.metadata.name = name;
  if (info.namespaced) next.metadata.namespace = namespace;
  applyDefaults(next);
  await storage.admission.beforeUpdate(info, next, current);
  updateGeneration(info, next, current);
  validateWrite(info, next, current, opts.subresource);
  delete next.metadata.resourceVersion;

  const finished = next.metadata.deletionTimestamp !== undefined && (next.metadata.finalizers ?? []).length === 0;
  if (!finished && unchanged(next, current)) return state.fresh ? { done: { obj: current, created: false } } : { stale: true };
  const toStore = withManager(current, next, opts);
  if (opts.dryRun) return { done: { obj: withResourceVersion(toStore, modRevision), created: false } };
  if (finished) {
    const res = await storage.store.delete(key, modRevision);
    if (res.ok) return { done: { obj: withResourceVersion(toStore, storage.wrote(res.revision)), created: false } };
    return { current: res.current, expectedRV };
  }
  const encoded = new EncodedObject(toStore);
  const forget = storage.cache.expect(key, encoded);
  const res = await storage.store.update(key, encoded.stored, modRevision);
  if (res.ok) return { done: { obj: storage.written(encoded, res.revision), created: false } };
  forget();
  return { current: res.current, expectedRV };
}

/** Nothing to write: equal but for resourceVersion and managedFields (a no-op update records no manager). */
function unchanged(next: KubeObject, current: KubeObject): boolean {
  const { resourceVersion: _a, managedFields: _m1, ...nm } = next.metadata;
  const { resourceVersion: _b, managedFields: _m2, ...cm } = current.metadata;
  return isDeepStrictEqual({ ...next, metadata: nm }, { ...current, metadata: cm });
}
