/**
 * Generic REST storage for one resource: object semantics on top of the etcd store.
 *   create  → defaults, validation, uid/creationTimestamp/generation, create-only write
 *   update  → read, mutate, prepare, validate, compare-and-swap on the mod revision (retry when the
 *             caller gave no resourceVersion; a stale one → 409 Conflict)
 *   delete  → preconditions, finalizers/graceful deletion set deletionTimestamp, else remove
 * Reads of single objects go to etcd (consistent); lists and watches are served by the watch cache.
 * This file keeps the entry points and update's retry loop; one attempt of it is in update-attempt.ts
 * (bindings: binding.ts), where it starts from in update-state.ts, the checks in validation.ts, the
 * managedFields entry in managed-fields.ts and graceful deletion in deletion.ts.
 */
import { randomUUID } from 'node:crypto';
import type { DeleteOptions, KubeObject, ResourceInfo } from '@tugboat/api';
import { applyDefaults, errors, rfc3339 } from '@tugboat/api';
import type { Store } from '@tugboat/store';
import { EncodedObject, decodeStored, encodeForStore, rememberJson, withResourceVersion } from './codec.js';
import { objectKey } from './keys.js';
import { generateName } from './names.js';
import { prepareForCreate } from './strategy.js';
import { checkPreconditions, deletionUpdate } from './deletion.js';
import { withCreateManager } from './managed-fields.js';
import { tryWrite } from './update-attempt.js';
import type { AttemptOutcome, CurrentState, ResourceStorage } from './update-state.js';
import { cachedState, decodedState, freshState } from './update-state.js';
import { checkTypeMeta, validateWrite } from './validation.js';
import type { TryUpdate, UpdateOptions, WriteOptions } from './write-options.js';
import type { Admission } from './admission.js';
import type { WatchCache } from './watch-cache.js';

export type { TryUpdate, UpdateOptions, WriteOptions } from './write-options.js';

const MAX_CONFLICT_RETRIES = 10;

/** `store`, `admission`, `wrote` and `written` are public for the update path only (ResourceStorage). */
export class ObjectStore implements ResourceStorage {
  constructor(
    readonly info: ResourceInfo,
    readonly store: Store,
    readonly cache: WatchCache,
    private readonly admissionOf: () => Admission,
  ) {}

  /** the highest revision of a write to this resource that this apiserver acknowledged */
  lastWriteRevision = 0;

  get admission(): Admission {
    return this.admissionOf();
  }

  wrote(rev: number): number {
    if (rev > this.lastWriteRevision) this.lastWriteRevision = rev;
    return rev;
  }

  async get(namespace: string | undefined, name: string): Promise<KubeObject> {
    const kv = await this.store.get(objectKey(this.info, namespace, name));
    if (!kv) throw errors.notFound(this.info.resource, this.info.group, name);
    return decodeStored(kv);
  }

  /**
   * Takes ownership of `obj` (a request body, or an object its caller made for this call): it is
   * completed in place (metadata, defaults) rather than copied, and becomes the stored object. The
   * result shares structure with the watch cache's copy: callers read it and do not change it.
   */
  async create(namespace: string | undefined, obj: KubeObject, opts: WriteOptions = {}): Promise<KubeObject> {
    checkTypeMeta(this.info, obj);
    obj.metadata = obj.metadata ?? {};
    if (this.info.namespaced) obj.metadata.namespace = namespace;
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = generateName(obj.metadata.generateName);
    const name = obj.metadata.name ?? '';
    obj.metadata.uid = randomUUID();
    obj.metadata.creationTimestamp = rfc3339();
    delete obj.metadata.resourceVersion;
    delete obj.metadata.deletionTimestamp;
    delete obj.metadata.deletionGracePeriodSeconds;
    prepareForCreate(this.info, obj);
    applyDefaults(obj);
    validateWrite(this.info, obj, undefined);
    // admission only fills in what it checks itself (allocated IPs and ports): no second validation
    await this.admission.beforeCreate(this.info, obj);
    const toStore = withCreateManager(this.info, obj, opts);
    if (opts.dryRun) return toStore;
    const key = objectKey(this.info, namespace, name);
    const encoded = new EncodedObject(toStore);
    const forget = this.cache.expect(key, encoded);
    const res = await this.store.create(key, encoded.stored);
    if (!res.ok) {
      forget();
      throw errors.alreadyExists(this.info.resource, this.info.group, name);
    }
    return this.written(encoded, res.revision);
  }

  /** The stored object at its new revision, carrying its JSON for the response. */
  written(encoded: EncodedObject, rev: number): KubeObject {
    return rememberJson(encoded.objectAt(this.wrote(rev)), encoded.at(rev));
  }

  /**
   * Read-modify-write with compare-and-swap. `expectedRV` (from the client's body) turns a lost race
   * into a 409; without it the update is retried on the fresh object.
   * The first attempt starts from the watch cache's copy when it has one (as Kubernetes'
   * GuaranteedUpdate does), which saves a read from etcd: the compare-and-swap refuses a stale copy,
   * and whatever else the copy decides (an error, a 409, "nothing to change") is confirmed against
   * etcd before it is answered. A lost swap retries from the value etcd returned with the refusal.
   */
  async update(
    namespace: string | undefined,
    name: string,
    tryUpdate: TryUpdate,
    opts: UpdateOptions = {},
  ): Promise<{ obj: KubeObject; created: boolean }> {
    const key = objectKey(this.info, namespace, name);
    let state = (!opts.dryRun && cachedState(this, namespace, name, opts.subresource === 'binding' || opts.prepared === true)) || (await freshState(this.store, key));
    for (let attempt = 0; ; attempt++) {
      if (!state.current) {
        if (!opts.allowCreate) throw errors.notFound(this.info.resource, this.info.group, name);
        const desired = await tryUpdate(undefined);
        desired.metadata = { ...desired.metadata, name };
        return { obj: await this.create(namespace, desired, opts), created: true };
      }
      let outcome: AttemptOutcome;
      try {
        // this ObjectStore goes in the attempt's target (max-params allows four): no second object per attempt
        outcome = await tryWrite({ storage: this, key, namespace, name }, state as CurrentState, tryUpdate, opts);
      } catch (err) {
        if (state.fresh) throw err;
        state = await freshState(this.store, key);
        continue;
      }
      if ('done' in outcome) return outcome.done;
      if (!state.fresh) {
        state = outcome.stale ? await freshState(this.store, key) : { ...decodedState(outcome.current), fresh: true };
        continue;
      }
      if (outcome.stale) throw new Error('unreachable: a fresh read reported as stale');
      if (outcome.expectedRV || attempt >= MAX_CONFLICT_RETRIES) {
        throw errors.modified(this.info.resource, this.info.group, name);
      }
      state = { ...decodedState(outcome.current), fresh: true };
    }
  }

  async delete(namespace: string | undefined, name: string, opts: DeleteOptions = {}, write: WriteOptions = {}): Promise<KubeObject> {
    const key = objectKey(this.info, namespace, name);
    for (let attempt = 0; ; attempt++) {
      const kv = await this.store.get(key);
      if (!kv) throw errors.notFound(this.info.resource, this.info.group, name);
      const current = decodeStored(kv);
      checkPreconditions(this.info, current, opts);
      const next = deletionUpdate(this.info, current, opts);
      if (write.dryRun) return next ?? current;
      const res = next
        ? await this.store.update(key, encodeForStore(next), kv.modRevision)
        : await this.store.delete(key, kv.modRevision);
      if (res.ok) {
        this.wrote(res.revision);
        return next ? withResourceVersion(next, res.revision) : current;
      }
      if (attempt >= MAX_CONFLICT_RETRIES) {
        throw errors.modified(this.info.resource, this.info.group, name);
      }
    }
  }
}
