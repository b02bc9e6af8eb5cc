/**
 * Generic REST storage for one resource: object semantics on top of the etcd store.
 *   create  → defaults, validation, uid/creationTimestamp/generation, create-only write
 *   update  → read, mutate, prepare, validate, compare-and-swap on the mod revision (retry when the
 *             caller gave no resourceVersion; a stale one → 409 Conflict)
 *   delete  → preconditions, finalizers/graceful deletion set deletionTimestamp, else remove
 * Reads of single objects go to etcd (consistent); lists and watches are served by the watch cache.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { DeleteOptions, KubeObject, ResourceInfo } from '@tugboat/api';
import { apiVersionOf, applyDefaults, errors, recordUpdateManager, rfc3339, toCause, validateObject, validateStatusUpdate } from '@tugboat/api';
import type { Store, StoredValue } from '@tugboat/store';
import { EncodedObject, decodeStored, encodeForStore, rememberJson, withResourceVersion } from './codec.js';
import { cacheKey, objectKey } from './keys.js';
import { generateName } from './names.js';
import type { Subresource } from './strategy.js';
import { prepareForCreate, prepareForUpdate, updateGeneration } from './strategy.js';
import { checkPreconditions, deletionUpdate } from './deletion.js';
import type { Admission } from './admission.js';
import type { WatchCache } from './watch-cache.js';

export interface WriteOptions {
  dryRun?: boolean;
  /** who writes: recorded in metadata.managedFields as an Update */
  fieldManager?: string;
  /** the write already recorded its manager (server-side apply records an Apply) */
  managerRecorded?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  subresource?: Subresource;
  /** create the object when it does not exist (PUT of a missing object, apply patch) */
  allowCreate?: boolean;
}

/** Computes the next object from the current one (undefined when it does not exist yet). */
export type TryUpdate = (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>;

const MAX_CONFLICT_RETRIES = 10;

/** The object an update starts from; `fresh` when read from etcd rather than the watch cache. */
interface CurrentState {
  current: KubeObject;
  modRevision: number;
  fresh: boolean;
}

interface Absent {
  current: undefined;
  fresh: true;
}

function decodedState(kv: StoredValue | undefined): { current: KubeObject; modRevision: number } | { current: undefined } {
  return kv ? { current: decodeStored(kv), modRevision: kv.modRevision } : { current: undefined };
}

export class ObjectStore {
  constructor(
    readonly info: ResourceInfo,
    private readonly store: Store,
    readonly cache: WatchCache,
    private readonly admissionOf: () => Admission,
  ) {}

  /** the highest revision of a write to this resource that this apiserver acknowledged */
  lastWriteRevision = 0;

  private get admission(): Admission {
    return this.admissionOf();
  }

  private wrote(rev: number): number {
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
    this.checkTypeMeta(obj);
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
    this.validate(obj, undefined);
    // admission only fills in what it checks itself (allocated IPs and ports): no second validation
    await this.admission.beforeCreate(this.info, obj);
    const toStore = this.withCreateManager(obj, opts);
    if (opts.dryRun) return toStore;
    const key = objectKey(this.info, namespace, name);
    const encoded = new EncodedObject(toStore);
    const forget = this.cache.expect(key, encoded);
    const res = await this.store.create(key, encoded.stored);
    if (!res.ok) {
      forget();
      throw errors.alreadyExists(this.info.resource, this.info.group, name);
    }
    return this.written(toStore, encoded, res.revision);
  }

  /** The stored object at its new revision, carrying its JSON for the response. */
  private written(toStore: KubeObject, encoded: EncodedObject, rev: number): KubeObject {
    return rememberJson(withResourceVersion(toStore, this.wrote(rev)), encoded.at(rev));
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
    let state = (!opts.dryRun && this.cachedState(namespace, name, opts.subresource === 'binding')) || (await this.freshState(key));
    for (let attempt = 0; ; attempt++) {
      if (!state.current) {
        if (!opts.allowCreate) throw errors.notFound(this.info.resource, this.info.group, name);
        const desired = await tryUpdate(undefined);
        desired.metadata = { ...desired.metadata, name };
        return { obj: await this.create(namespace, desired, opts), created: true };
      }
      let outcome: Awaited<ReturnType<ObjectStore['tryWrite']>>;
      try {
        outcome = await this.tryWrite({ key, namespace, name }, state as CurrentState, tryUpdate, opts);
      } catch (err) {
        if (state.fresh) throw err;
        state = await this.freshState(key);
        continue;
      }
      if ('done' in outcome) return outcome.done;
      if (!state.fresh) {
        state = outcome.stale ? await this.freshState(key) : { ...decodedState(outcome.current), fresh: true };
        continue;
      }
      if (outcome.stale) throw new Error('unreachable: a fresh read reported as stale');
      if (outcome.expectedRV || attempt >= MAX_CONFLICT_RETRIES) {
        throw errors.conflict(this.info.resource, this.info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
      }
      state = { ...decodedState(outcome.current), fresh: true };
    }
  }

  /**
   * One attempt on `state`: `done` with the answer, `stale` when a cached copy cannot decide (the
   * caller reads etcd and tries again), or the swap was lost to `current` (etcd's value then).
   */
  private async tryWrite(
    { key, namespace, name }: { key: string; namespace: string | undefined; name: string },
    state: CurrentState,
    tryUpdate: TryUpdate,
    opts: UpdateOptions,
  ): Promise<{ done: { obj: KubeObject; created: boolean } } | { stale: true } | { stale?: false; current: StoredValue | undefined; expectedRV: string | undefined }> {
    const { current, modRevision } = state;
    if (opts.subresource === 'binding') return this.tryBind(key, state, tryUpdate);
    // the rest of the write changes `desired` in place, so it must share nothing with `current`; a
    // status write keeps only desired.status (prepareForUpdate), so only that is copied
    const returned = await tryUpdate(current);
    const desired = opts.subresource === 'status'
      ? { ...returned, metadata: { ...returned.metadata }, status: structuredClone(returned.status) }
      : structuredClone(returned);
    this.checkTypeMeta(desired);
    const expectedRV = desired.metadata?.resourceVersion;
    if (expectedRV !== undefined && expectedRV !== '' && expectedRV !== current.metadata.resourceVersion) {
      if (!state.fresh) return { stale: true };
      throw errors.conflict(this.info.resource, this.info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    if (desired.metadata?.name !== undefined && desired.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${desired.metadata.name}) does not match the name on the URL (${name})`);
    }
    if (this.info.namespaced && desired.metadata?.namespace !== undefined && desired.metadata.namespace !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    const next = prepareForUpdate(this.info, desired, current, opts.subresource);
    next.metadata.name = name;
    if (this.info.namespaced) next.metadata.namespace = namespace;
    applyDefaults(next);
    await this.admission.beforeUpdate(this.info, next, current);
    updateGeneration(this.info, next, current);
    this.validate(next, current, opts.subresource);
    delete next.metadata.resourceVersion;

    const finished = next.metadata.deletionTimestamp !== undefined && (next.metadata.finalizers ?? []).length === 0;
    if (!finished && unchanged(next, current)) return state.fresh ? { done: { obj: current, created: false } } : { stale: true };
    const toStore = this.withManager(current, next, opts);
    if (opts.dryRun) return { done: { obj: withResourceVersion(toStore, modRevision), created: false } };
    if (finished) {
      const res = await this.store.delete(key, modRevision);
      if (res.ok) return { done: { obj: withResourceVersion(toStore, this.wrote(res.revision)), created: false } };
      return { current: res.current, expectedRV };
    }
    const encoded = new EncodedObject(toStore);
    const forget = this.cache.expect(key, encoded);
    const res = await this.store.update(key, encoded.stored, modRevision);
    if (res.ok) return { done: { obj: this.written(toStore, encoded, res.revision), created: false } };
    forget();
    return { current: res.current, expectedRV };
  }

  /**
   * pods/binding as Kubernetes' BindingREST does it: a guaranteed update of the stored pod that sets
   * what the binding decides (spec.nodeName, the PodScheduled condition) and nothing else: no
   * defaulting, admission, validation or managedFields entry, which all concern what a user wrote.
   * `tryUpdate` returns a new object and leaves `current` alone: it may be the watch cache's own object.
   */
  private async tryBind(key: string, state: CurrentState, tryUpdate: TryUpdate): ReturnType<ObjectStore['tryWrite']> {
    const next = await tryUpdate(state.current);
    next.metadata = { ...next.metadata };
    delete next.metadata.resourceVersion;
    const encoded = new EncodedObject(next);
    const forget = this.cache.expect(key, encoded);
    const res = await this.store.update(key, encoded.stored, state.modRevision);
    if (res.ok) return { done: { obj: this.written(next, encoded, res.revision), created: false } };
    forget();
    return { current: res.current, expectedRV: undefined };
  }

  /** The watch cache's object, not yet confirmed by etcd: a private copy unless `shared` (tryBind copies on write). */
  private cachedState(namespace: string | undefined, name: string, shared: boolean): CurrentState | undefined {
    const cached = this.cache.get(cacheKey(this.info.namespaced ? namespace : undefined, name));
    if (!cached) return undefined;
    return { current: shared ? cached.obj : (JSON.parse(cached.json.toString('utf8')) as KubeObject), modRevision: cached.rev, fresh: false };
  }

  private async freshState(key: string): Promise<CurrentState | Absent> {
    return { ...decodedState(await this.store.get(key)), fresh: true };
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
        throw errors.conflict(this.info.resource, this.info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
      }
    }
  }

  /**
   * A create's manager owns what the client sent and the defaults, not the status a kind with a
   * status subresource starts with (the server sets it, as PrepareForCreate does after Kubernetes
   * records the create's fields): so the first status report takes nothing from the creator.
   */
  private withCreateManager(obj: KubeObject, opts: WriteOptions): KubeObject {
    if (opts.managerRecorded || !this.info.subresources.includes('status') || !('status' in obj)) return this.withManager(undefined, obj, opts);
    const { status, ...rest } = obj;
    return { ...this.withManager(undefined, rest as KubeObject, opts), status };
  }

  private withManager(old: KubeObject | undefined, next: KubeObject, opts: UpdateOptions): KubeObject {
    if (opts.managerRecorded) return next;
    const subresource = opts.subresource === 'status' ? 'status' : undefined;
    return recordUpdateManager(old, next, { manager: opts.fieldManager ?? 'unknown', subresource });
  }

  private checkTypeMeta(obj: KubeObject): void {
    const want = apiVersionOf(this.info);
    if (obj.apiVersion === undefined && obj.kind === undefined) {
      obj.apiVersion = want;
      obj.kind = this.info.kind;
      return;
    }
    if (obj.kind !== this.info.kind || obj.apiVersion !== want) {
      throw errors.badRequest(`the object provided is of kind "${obj.apiVersion}, Kind=${obj.kind}" but the URL addresses "${want}, Kind=${this.info.kind}"`);
    }
  }

  /** A status write keeps the stored spec and metadata (prepareForUpdate): only its status is new. */
  private validate(obj: KubeObject, old: KubeObject | undefined, subresource?: Subresource): void {
    const problems = subresource === 'status' ? validateStatusUpdate(this.info, obj) : validateObject(this.info, obj, old);
    if (problems.length > 0) throw errors.invalid(this.info.kind, this.info.group, obj.metadata?.name ?? '', problems.map(toCause));
  }
}

function unchanged(next: KubeObject, current: KubeObject): boolean {
  const { resourceVersion: _a, managedFields: _m1, ...nm } = next.metadata;
  const { resourceVersion: _b, managedFields: _m2, ...cm } = current.metadata;
  return isDeepStrictEqual({ ...next, metadata: nm }, { ...current, metadata: cm });
}

