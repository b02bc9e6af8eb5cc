/**
 * The patch engine: JSON patch, merge patch, strategic merge patch and server-side apply.
 *
 *   // PATCH with json / merge / strategic bodies
 *   const next = applyPatch('Deployment', stored, body, PATCH_CONTENT_TYPES[contentType]);
 *   // PATCH application/apply-patch+yaml (undefined `stored` creates)
 *   const applied = serverSideApply(stored, body, { fieldManager: 'kubectl', force: false, subresource: 'status' | undefined });
 *   // every other write (create, update, json/merge/strategic patch): who changed what
 *   const toStore = recordUpdateManager(stored, next, { manager: fieldManager, subresource });
 *
 * Files: schema.ts (which lists merge, per kind), strategic.ts + list-merge.ts (strategic merge),
 * merge.ts, json.ts, ownership paths and FieldsV1 (field-path.ts: paths into an object; field-set.ts:
 * sets of them; field-walk.ts: the paths an object sets; field-diff.ts: what a write changed or
 * removed; fields-v1.ts: tries built and read without a set), managed-fields.ts, apply.ts.
 */
import { ApiError } from '../errors.js';
import type { KubeObject } from '../types/meta.js';
import { clone, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { jsonPatch } from './json.js';
import { mergePatch } from './merge.js';
import { schemaForKind } from './schema.js';
import { strategicMergePatch } from './strategic.js';

// isStrategicKind: Kubernetes answers 415 to strategic patches of custom resources; the apiserver may too.
export { isStrategicKind, schemaForKind } from './schema.js';
export type { FieldSchema, Fields } from './schema.js';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Readonly<Record<string, PatchType>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/**
 * Apply a json / merge / strategic patch (already parsed from the body) to `original` of kind `kind`.
 * `original` and `patch` are not modified and the patch shares nothing with the result; a merge
 * patch's result shares the parts it did not touch with `original` (it copies along the patched
 * paths only: a status report does not copy the pod's spec), the other types share nothing.
 * Throws ApiError 'BadRequest' for a malformed patch, 'Invalid' when a JSON patch does not fit the object
 * (failed `test`, missing path) or the result is not an object with metadata.
 */
export function applyPatch(kind: string, original: KubeObject, patch: unknown, type: Exclude<PatchType, 'apply'>): KubeObject {
  if (type === 'merge') return asKubeObject(mergePatch(original as unknown as JsonObject, patch));
  const body = clone(patch);
  let result: unknown;
  switch (type) {
    case 'json':
      // jsonPatch works on a copy of its own
      result = jsonPatch(original as unknown as JsonObject, body);
      break;
    case 'strategic':
      result = strategicMergePatch(clone(original) as unknown as JsonObject, body, schemaForKind(kind));
      break;
    default:
      throw new ApiError('UnsupportedMediaType', `unsupported patch type: ${String(type)}`);
  }
  return asKubeObject(result);
}

function asKubeObject(value: unknown): KubeObject {
  if (!isObject(value)) throw new ApiError('Invalid', 'the patched object is not a JSON object');
  if (!isObject(value.metadata)) throw new ApiError('Invalid', 'metadata: Required value: the patch removed metadata');
  return value as KubeObject;
}

export { serverSideApply } from './apply.js';
export type { ServerSideApplyOptions } from './apply.js';
export { recordUpdateManager, touchUpdateManager } from './managed-fields.js';
export type { UpdateManagerOptions } from './managed-fields.js';
