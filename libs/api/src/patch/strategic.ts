/**
 * Strategic merge patch, as the apiserver applies it to built-in kinds: objects merge field by field, lists
 * follow the schema (merge by key, scalar set, or replace), `null` deletes, and the directives kubectl emits
 * are honoured:
 *   $patch: replace | delete | merge      on an object, or on a list element (delete needs the merge key)
 *   $retainKeys: [fields]                 clear every field of the live object not listed (union types)
 *   $setElementOrder/<field>: [...]       final order of a merged list
 *   $deleteFromPrimitiveList/<field>: [...] remove scalars from a scalar set
 * Inputs are read, never modified; the result may share unchanged subtrees with them (index.ts clones).
 */
import { ApiError } from '../errors.js';
import { isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { PATCH_DIRECTIVE, deleteScalars, mergeKeyedList, mergeScalarSet } from './list-merge.js';
import { childSchema } from './schema.js';
import type { FieldSchema } from './schema.js';

const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

export function strategicMergePatch(original: JsonObject, patch: unknown, schema: FieldSchema | undefined): JsonObject {
  if (!isObject(patch)) throw new ApiError('BadRequest', 'strategic merge patch body must be a JSON object');
  return mergeObject(original, patch, schema);
}

function mergeObject(original: JsonObject, patch: JsonObject, schema: FieldSchema | undefined): JsonObject {
  if (PATCH_DIRECTIVE in patch) {
    const { [PATCH_DIRECTIVE]: directive, ...rest } = patch;
    // As in apimachinery: `replace` uses the patch as the new object, `delete` leaves an empty object.
    if (directive === 'replace') return mergeObject({}, rest, schema);
    if (directive === 'delete') return {};
    if (directive === 'merge') return mergeObject(original, rest, schema);
    throw new ApiError('BadRequest', `unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  }
  const result: JsonObject = { ...original };
  if (RETAIN_KEYS in patch) retainKeys(result, patch);

  const orders = new Map<string, unknown[]>();
  const fields: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === RETAIN_KEYS) continue;
    if (key.startsWith(SET_ELEMENT_ORDER)) {
      orders.set(key.slice(SET_ELEMENT_ORDER.length), listArgument(key, value));
    } else if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      // Deletions apply to the live list before the patch's additions to the same list are merged.
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      const live = result[field];
      if (Array.isArray(live)) result[field] = deleteScalars(live, listArgument(key, value));
    } else if (key.startsWith('$')) {
      throw new ApiError('BadRequest', `unknown strategic merge patch directive: ${key}`);
    } else {
      fields.push(key);
    }
  }

  for (const key of fields) {
    const value = patch[key];
    if (value === null) delete result[key];
    else result[key] = mergeValue(result[key], value, childSchema(schema, key), orders.get(key));
  }
  // `$setElementOrder` without the list itself: only the order of the live list changes.
  for (const [key, order] of orders) {
    const live = result[key];
    const sub = childSchema(schema, key);
    if (!fields.includes(key) && Array.isArray(live) && (sub?.mergeKey || sub?.set)) {
      result[key] = mergeList(live, [], sub, order);
    }
  }
  return result;
}

function mergeValue(original: unknown, patch: unknown, schema: FieldSchema | undefined, order?: unknown[]): unknown {
  // A missing or differently-typed original merges as empty, which also strips directives and nulls from new values.
  if (isObject(patch)) return mergeObject(isObject(original) ? original : {}, patch, schema);
  if (Array.isArray(patch)) return mergeList(Array.isArray(original) ? original : [], patch, schema, order);
  return patch;
}

function mergeList(original: unknown[], patch: unknown[], schema: FieldSchema | undefined, order?: unknown[]): unknown[] {
  if (schema?.mergeKey) {
    return mergeKeyedList(original, patch, {
      key: schema.mergeKey,
      order,
      mergeElement: (o, p) => mergeObject(o, p, schema),
    });
  }
  if (schema?.set) return mergeScalarSet(original, patch, order);
  return patch;
}

/** `$retainKeys`: every field the patch sets must be listed; live fields not listed are cleared. */
function retainKeys(result: JsonObject, patch: JsonObject): void {
  const keep = listArgument(RETAIN_KEYS, patch[RETAIN_KEYS]);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith('$')) continue;
    if (!keep.includes(key)) {
      throw new ApiError('BadRequest', `doesn't match the format for $retainKeys: field ${key} is set but not retained`);
    }
  }
  for (const key of Object.keys(result)) {
    if (!keep.includes(key)) delete result[key];
  }
}

function listArgument(directive: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new ApiError('BadRequest', `${directive} must be a list, got ${JSON.stringify(value)}`);
  return value;
}
