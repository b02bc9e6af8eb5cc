/**
 * The fast path of pods/binding (the scheduler's write of spec.nodeName) and of the apiserver's other
 * prepared writes (lease renewals), one attempt of ObjectStore.update: it skips everything
 * update-attempt.ts does for what a user wrote.
 */
import { EncodedObject } from './codec.js';
import type { AttemptOutcome, CurrentState, ResourceStorage } from './update-state.js';
import type { TryUpdate } from './write-options.js';

/**
 * pods/binding as Kubernetes' BindingREST does it: a guaranteed update of the stored pod that sets
 * what the binding decides (spec.nodeName, the PodScheduled condition) and nothing else: no
 * defaulting, admission, validation or managedFields entry, which all concern what a user wrote.
 * `tryUpdate` returns a new object and leaves `current` alone: it may be the watch cache's own object.
 */
export async function tryBind(storage: ResourceStorage, key: string, state: CurrentState, tryUpdate: TryUpdate): Promise<AttemptOutcome> {
  const next = await tryUpdate(state.current);
  next.metadata = { ...next.metadata };
  delete next.metadata.resourceVersion;
  const encoded = new EncodedObject(next);
  const forget = storage.cache.expect(key, encoded);
  const res = await storage.store.update(key, encoded.stored, state.modRevision);
  if (res.ok) return { done: { obj: storage.written(encoded, res.revision), created: false } };
  forget();
  return { current: res.current, expectedRV: undefined };
}
