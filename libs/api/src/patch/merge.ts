/** JSON merge patch (RFC 7396): objects merge recursively, `null` deletes, everything else replaces. */
import { ApiError } from '../errors.js';
import { clone, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';

/** Apply a merge patch whose top level must be an object (a patch that replaced the whole object would not be one). */
export function mergePatch(original: JsonObject, patch: unknown): JsonObject {
  if (!isObject(patch)) throw new ApiError('BadRequest', 'merge patch body must be a JSON object');
  return mergeValue(original, patch) as JsonObject;
}

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergeValue(result[key], value);
  }
  return result;
}
