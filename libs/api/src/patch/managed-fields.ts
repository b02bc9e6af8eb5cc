/**
 * metadata.managedFields: who owns which fields. Entries are read into field sets, changed, and written
 * back in the Kubernetes format (FieldsV1, sorted as the apiserver sorts them), so
 * `kubectl get -o yaml --show-managed-fields` reads as it would against Kubernetes.
 *
 * `recordUpdateManager` is the bookkeeping for ordinary writes (create, update, json/merge/strategic patch):
 * the writer takes ownership of every field it added or changed, nobody keeps fields that were removed.
 * Updates never conflict; only apply does (see apply.ts).
 */
import type { KubeObject, ManagedFieldsEntry } from '../types/meta.js';
import { rfc3339 } from '../time.js';
import { deepEqual, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { changedFields, removedFields } from './field-diff.js';
import type { Path } from './field-path.js';
import { FieldSet } from './field-set.js';
import { fieldsOf } from './field-walk.js';
import { fieldsV1Of, trieHasAny } from './fields-v1.js';
import { schemaForKind } from './schema.js';
import type { FieldSchema } from './schema.js';

/** A manager is identified by its name, the operation and the subresource, as in Kubernetes. */
export interface ManagerId {
  manager: string;
  operation: 'Apply' | 'Update';
  subresource?: string | undefined;
}

export interface Owner {
  entry: ManagedFieldsEntry;
  fields: FieldSet;
  /** the set as read from `entry.fieldsV1`: while `fields` is still it, the entry's trie is written back as it was */
  read?: FieldSet;
}

/** Fields the server sets itself; nobody owns them. */
const SERVER_FIELDS: Path[] = [
  ['f:apiVersion'],
  ['f:kind'],
  ...['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields',
    'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'].map((f) => ['f:metadata', `f:${f}`]),
];

function isServerField(path: Path): boolean {
  return SERVER_FIELDS.some((prefix) => prefix.every((seg, i) => path[i] === seg));
}

const SERVER_ROOT = new Set(SERVER_FIELDS.filter((p) => p.length === 1).map((p) => p[0]!));
const SERVER_META = new Set(SERVER_FIELDS.filter((p) => p.length === 2).map((p) => p[1]!));
/** the same as object keys (no `f:`), for trim(), which runs four times per update on every key */
const SERVER_ROOT_KEYS = new Set([...SERVER_ROOT].map((seg) => seg.slice(2)));
const SERVER_META_KEYS = new Set([...SERVER_META].map((seg) => seg.slice(2)));

/** `ownableFields(obj, schema).toFieldsV1()`, built straight from the object (every create needs it). */
export function ownableFieldsV1(obj: unknown, schema: FieldSchema | undefined): JsonObject {
  return fieldsV1Of(obj, schema, (seg, parent) => (parent === undefined ? !SERVER_ROOT.has(seg) : parent !== 'f:metadata' || !SERVER_META.has(seg)));
}

/** The fields of `obj` a manager can own. */
export function ownableFields(obj: unknown, schema: FieldSchema | undefined): FieldSet {
  return fieldsOf(obj, schema).filter((p) => !isServerField(p));
}

/** `ownableFields(before).minus(ownableFields(after))`: what an update took away. */
export function ownableRemovals(before: unknown, after: unknown, schema: FieldSchema | undefined): FieldSet {
  const [walked, other] = withoutServerFields(before, after);
  return removedFields(walked, other, schema).filter((p) => !isServerField(p));
}

export function ownableChanges(before: unknown, after: unknown, schema: FieldSchema | undefined): FieldSet {
  const [walked, other] = withoutServerFields(after, before);
  return changedFields(other, walked, schema).filter((p) => !isServerField(p));
}

/**
 * The two objects of a diff without the server's fields, so the walk neither descends into them
 * (metadata.managedFields is the largest part of most objects) nor compares them. `walked` is the
 * object whose paths are enumerated; metadata is trimmed only where `walked` has fields in it, so
 * `f:metadata` is never a path of its own that was not one before; paths below server fields are
 * filtered out anyway, so the result is the same as diffing the whole objects and filtering.
 */
function withoutServerFields(walked: unknown, other: unknown): [unknown, unknown] {
  if (!isObject(walked) || !isObject(walked.metadata) || Object.keys(walked.metadata).length === 0) return [walked, other];
  // `other` keeps an emptied metadata: lookups below it must still find an object there
  return [trim(walked, true), isObject(other) ? trim(other, false) : other];
}

function trim(obj: JsonObject, dropEmptyMetadata: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) {
    if (SERVER_ROOT_KEYS.has(key)) continue;
    const value = obj[key];
    if (key !== 'metadata' || !isObject(value)) {
      out[key] = value;
      continue;
    }
    const meta: JsonObject = {};
    for (const k of Object.keys(value)) if (!SERVER_META_KEYS.has(k)) meta[k] = value[k];
    if (!dropEmptyMetadata || Object.keys(meta).length > 0) out[key] = meta;
  }
  return out;
}

export function readOwners(entries: readonly ManagedFieldsEntry[] | undefined): Owner[] {
  return (entries ?? []).map((entry) => {
    const fields = FieldSet.fromFieldsV1(entry.fieldsV1);
    return { entry: { ...entry }, fields, read: fields };
  });
}

export function isManager(entry: ManagedFieldsEntry, id: ManagerId): boolean {
  return entry.manager === id.manager && entry.operation === id.operation && (entry.subresource ?? '') === (id.subresource ?? '');
}

/** Owners back to entries: empty sets are dropped, order is the apiserver's (operation, time, manager, version). */
export function writeOwners(owners: readonly Owner[]): ManagedFieldsEntry[] {
  return owners
    .filter((o) => (o.fields === o.read && o.entry.fieldsV1 ? Object.keys(o.entry.fieldsV1).length > 0 : o.fields.size > 0))
    .map((o) => ({ ...o.entry, fieldsType: 'FieldsV1' as const, fieldsV1: o.fields === o.read && o.entry.fieldsV1 ? o.entry.fieldsV1 : o.fields.toFieldsV1() }))
    .sort((a, b) =>
      compare(a.operation, b.operation) || compare(a.time ?? '', b.time ?? '')
      || compare(a.manager, b.manager) || compare(a.apiVersion ?? '', b.apiVersion ?? ''));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 3339 with whole seconds, as metav1.Time serialises. */
export function timestamp(now: Date): string {
  return rfc3339(now);
}

/** A manager as Kubernetes names it in conflict messages. */
export function describeManager(entry: ManagedFieldsEntry): string {
  let text = JSON.stringify(entry.manager);
  if (entry.subresource) text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  if (entry.operation !== 'Update') return text;
  return entry.time ? `${text} using ${entry.apiVersion ?? ''} at ${entry.time}` : `${text} using ${entry.apiVersion ?? ''}`;
}

export interface UpdateManagerOptions {
  /** The request's fieldManager; the apiserver defaults it from the User-Agent as Kubernetes does. */
  manager: string;
  subresource?: string;
  now?: Date;
}

/**
 * Record an 'Update' by `manager` that turned `old` (undefined on create) into `next`. Returns a copy of
 * `next` whose metadata.managedFields says the manager owns what it changed. If the request itself carried
 * managedFields different from the stored ones (a client resetting them), those are the starting point.
 */
export function recordUpdateManager(old: KubeObject | undefined, next: KubeObject, options: UpdateManagerOptions): KubeObject {
  const schema = schemaForKind(next.kind);
  // only metadata.managedFields is replaced, so a shallow copy keeps `next` untouched
  const result: KubeObject = { ...next, metadata: { ...next.metadata } };
  const sent = next.metadata.managedFields;
  const stored = old?.metadata.managedFields;
  if (!old && sent === undefined) return withOnlyManager(result, ownableFieldsV1(next, schema), options);
  const owners = readOwners(sent !== undefined && !deepEqual(sent, stored) ? sent : stored);

  // on create every ownable field is a change: skip the diff against nothing
  const changed = old ? ownableChanges(old, next, schema) : ownableFields(next, schema);
  const removed = old ? ownableRemovals(old, next, schema) : new FieldSet();
  const id: ManagerId = { manager: options.manager, operation: 'Update', subresource: options.subresource };
  for (const owner of owners) {
    if (isManager(owner.entry, id)) owner.fields = owner.fields.union(changed).minus(removed);
    // another manager loses what this write changed or removed; one that owns none of it stays unread
    else if (trieHasAny(owner.entry.fieldsV1, changed) || trieHasAny(owner.entry.fieldsV1, removed)) {
      owner.fields = owner.fields.minus(changed).minus(removed);
    }
  }
  const mine = owners.find((o) => isManager(o.entry, id));
  if (changed.size > 0) {
    const entry: ManagedFieldsEntry = {
      manager: options.manager,
      operation: 'Update',
      apiVersion: next.apiVersion,
      time: timestamp(options.now ?? new Date()),
      ...(options.subresource ? { subresource: options.subresource } : {}),
    };
    if (mine) mine.entry = { ...mine.entry, ...entry };
    else owners.push({ entry, fields: changed });
  }
  const entries = writeOwners(owners);
  if (entries.length > 0) result.metadata.managedFields = entries;
  else delete result.metadata.managedFields;
  return result;
}

/**
 * A create that sent no managedFields: the manager owns every ownable field, and there is nobody
 * else (what the general path computes, without the sets).
 */
function withOnlyManager(result: KubeObject, fieldsV1: JsonObject, options: UpdateManagerOptions): KubeObject {
  if (Object.keys(fieldsV1).length === 0) {
    delete result.metadata.managedFields;
    return result;
  }
  const entry: ManagedFieldsEntry = {
    manager: options.manager,
    operation: 'Update',
    apiVersion: result.apiVersion,
    time: timestamp(options.now ?? new Date()),
    ...(options.subresource ? { subresource: options.subresource } : {}),
    fieldsType: 'FieldsV1',
    fieldsV1,
  };
  result.metadata.managedFields = [entry];
  return result;
}

/**
 * recordUpdateManager for an update that set only `leaves` (paths such as ['f:spec', 'f:renewTime'])
 * to new values, each a leaf this manager's Update entry already owns and no other entry does: the
 * result is then the same entries with that one's time moved to now, which this works out without
 * diffing the objects (a lease renewal, a hundred a second at a thousand nodes). `next` must be `old`
 * with only those leaves changed. Undefined when the entries are not in that state: the caller
 * records the manager the full way.
 */
export function touchUpdateManager(old: KubeObject, next: KubeObject, leaves: readonly Path[], options: UpdateManagerOptions): KubeObject | undefined {
  const entries = old.metadata.managedFields;
  const id: ManagerId = { manager: options.manager, operation: 'Update', subresource: options.subresource };
  const mine = entries?.findIndex((e) => isManager(e, id)) ?? -1;
  if (!entries || mine < 0 || entries[mine]!.apiVersion !== next.apiVersion) return undefined;
  for (const leaf of leaves) if (!trieHasAny(entries[mine]!.fieldsV1, new FieldSet([leaf]))) return undefined;
  const set = new FieldSet(leaves);
  if (entries.some((e, i) => i !== mine && trieHasAny(e.fieldsV1, set))) return undefined;
  const owners = readOwners(entries);
  owners[mine]!.entry.time = timestamp(options.now ?? new Date());
  return { ...next, metadata: { ...next.metadata, managedFields: writeOwners(owners) } };
}
