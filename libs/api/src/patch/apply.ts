/**
 * Server-side apply, simplified to per-manager ownership (no versioned schemas, no type conversion):
 *   1. the applied configuration is the manager's whole intent; it is merged into the live object with
 *      strategic-merge rules (keyed lists merge by key, atomic lists and scalars replace);
 *   2. a field another manager owns whose value the apply would change is a conflict: 409 unless `force`,
 *      in which case ownership moves to the applier;
 *   3. fields this manager applied last time but no longer does are removed, unless someone else owns them;
 *   4. the manager's 'Apply' entry in metadata.managedFields becomes exactly the applied fields.
 */
import { ApiError } from '../errors.js';
import type { KubeObject, StatusCause } from '../types/meta.js';
import { clone, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { formatPath, removeAt, valueAt } from './field-path.js';
import type { Path } from './field-path.js';
import { FieldSet } from './field-set.js';
import { describeManager, isManager, ownableChanges, ownableFields, readOwners, timestamp, writeOwners } from './managed-fields.js';
import type { ManagerId, Owner } from './managed-fields.js';
import { schemaForKind } from './schema.js';
import { strategicMergePatch } from './strategic.js';

export interface ServerSideApplyOptions {
  fieldManager: string;
  force: boolean;
  /** 'status' for `--subresource=status`: only the status is applied. Otherwise status is ignored, as the main resource resets it. */
  subresource?: string;
  now?: Date;
}

/** Metadata a client may send in an apply body but the server controls. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'];

export function serverSideApply(current: KubeObject | undefined, applied: KubeObject, options: ServerSideApplyOptions): KubeObject {
  if (!options.fieldManager) throw new ApiError('BadRequest', 'PATCH with apply patch type requires a fieldManager');
  if (!isObject(applied) || !isObject(applied.metadata)) {
    throw new ApiError('BadRequest', 'apply patch must be an object with apiVersion, kind and metadata');
  }
  const schema = schemaForKind(current?.kind ?? applied.kind);
  const intent = intentOf(applied, options.subresource);
  const appliedFields = ownableFields(intent, schema);
  const merged = strategicMergePatch(clone(current ?? {}) as JsonObject, intent, schema);
  if (current) Object.assign(merged, { apiVersion: current.apiVersion, kind: current.kind });

  const id: ManagerId = { manager: options.fieldManager, operation: 'Apply', subresource: options.subresource };
  const owners = readOwners(current?.metadata.managedFields);
  const previous = owners.find((o) => isManager(o.entry, id))?.fields ?? new FieldSet();
  const others = owners.filter((o) => !isManager(o.entry, id));

  const changed = ownableChanges(current ?? {}, merged, schema).intersect(appliedFields);
  const conflicts = others.map((owner) => ({ owner, paths: owner.fields.intersect(changed) })).filter((c) => c.paths.size > 0);
  if (conflicts.length > 0 && !options.force) throw conflictError(conflicts);
  for (const { owner, paths } of conflicts) owner.fields = owner.fields.minus(paths);

  const keeps = (path: Path) => appliedFields.covers(path) || others.some((o) => o.fields.covers(path));
  for (const path of previous.minus(appliedFields)) {
    if (!keeps(path)) removeAndPrune(merged, path, keeps);
  }
  for (const owner of others) owner.fields = new FieldSet([...owner.fields].filter((p) => valueAt(merged, p).found));

  const mine: Owner = {
    entry: {
      manager: options.fieldManager,
      operation: 'Apply',
      apiVersion: applied.apiVersion,
      time: timestamp(options.now ?? new Date()),
      ...(options.subresource ? { subresource: options.subresource } : {}),
    },
    fields: appliedFields,
  };
  const result = merged as KubeObject;
  // A resourceVersion in the body is a precondition, as in Kubernetes: hand it to the store's compare-and-swap.
  const precondition = applied.metadata.resourceVersion;
  if (current && typeof precondition === 'string' && precondition !== '') result.metadata.resourceVersion = precondition;
  const entries = writeOwners([...others, mine]);
  if (entries.length > 0) result.metadata.managedFields = entries;
  else delete result.metadata.managedFields;
  return result;
}

/** The applied body as this manager's intent: no server-controlled metadata, no nulls, the right half of status. */
function intentOf(applied: KubeObject, subresource: string | undefined): JsonObject {
  const intent = dropNulls(clone(applied)) as JsonObject & { metadata: JsonObject };
  for (const key of SERVER_METADATA) delete intent.metadata[key];
  if (subresource === 'status') {
    const { apiVersion, kind, metadata, status } = intent;
    return { apiVersion, kind, metadata: { name: metadata.name, namespace: metadata.namespace }, ...(status === undefined ? {} : { status }) };
  }
  delete intent.status;
  return intent;
}

/** In an apply configuration null means "no opinion", not "delete". */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
}

/** Remove `path`, then any object field it leaves empty that nobody owns (`labels: {}` after the last label went). */
function removeAndPrune(root: JsonObject, path: Path, keeps: (path: Path) => boolean): void {
  removeAt(root, path);
  for (let end = path.length - 1; end > 0; end--) {
    const parent = path.slice(0, end);
    const { value } = valueAt(root, parent);
    const isEmptyField = parent[end - 1]?.startsWith('f:') && isObject(value) && Object.keys(value).length === 0;
    if (!isEmptyField || keeps(parent)) return;
    removeAt(root, parent);
  }
}

/** 409 as Kubernetes words it: `Apply failed with 1 conflict: conflict with "x" using apps/v1: .spec.replicas`. */
function conflictError(conflicts: { owner: Owner; paths: FieldSet }[]): ApiError {
  const causes: StatusCause[] = conflicts.flatMap(({ owner, paths }) =>
    [...paths].map((p) => ({ reason: 'FieldManagerConflict', message: `conflict with ${describeManager(owner.entry)}`, field: formatPath(p) })));
  let message: string;
  if (causes.length === 1) {
    message = `Apply failed with 1 conflict: ${causes[0]?.message ?? ''}: ${causes[0]?.field ?? ''}`;
  } else {
    const sorted = [...conflicts].sort((a, b) => (a.owner.entry.manager < b.owner.entry.manager ? -1 : 1));
    const lines = sorted.flatMap(({ owner, paths }) => [
      `conflicts with ${describeManager(owner.entry)}:`,
      ...[...paths].map((p) => `- ${formatPath(p)}`),
    ]);
    message = `Apply failed with ${causes.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError('Conflict', message, { details: { causes } });
}
