/**
 * Merging lists for strategic merge patch: lists of objects matched by a merge key, lists of scalars treated
 * as sets, and the element order rules of Kubernetes (`$setElementOrder`, then the patch's order, with items
 * only the server has kept near their old neighbours). Atomic lists never reach this file: they are replaced.
 */
import { ApiError } from '../errors.js';
import { canonicalJson, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';

export const PATCH_DIRECTIVE = '$patch';

type Identity = (value: unknown) => string;

export interface KeyedListMerge {
  readonly key: string;
  /** `$setElementOrder/<field>` from the same patch, if any. */
  readonly order: unknown[] | undefined;
  /** Merges one patch element into the matching original element (or `{}` for a new one). */
  readonly mergeElement: (original: JsonObject, patch: JsonObject) => JsonObject;
}

/** Lists with `patchStrategy:"merge"` and a merge key (containers by name, ports by containerPort...). */
export function mergeKeyedList(original: unknown[], patch: unknown[], how: KeyedListMerge): unknown[] {
  const { key } = how;
  const id: Identity = (v) => canonicalJson(isObject(v) ? v[key] : v);
  let base = original;
  let replace = false;
  const items: JsonObject[] = [];
  for (const element of patch) {
    if (!isObject(element)) {
      throw new ApiError('BadRequest', `list with merge key "${key}" holds a non-object: ${JSON.stringify(element)}`);
    }
    const { [PATCH_DIRECTIVE]: directive, ...rest } = element;
    if (directive === 'replace') {
      replace = true;
    } else if (directive === 'delete') {
      const target = id(requireKey(element, key));
      base = base.filter((o) => id(o) !== target);
    } else if (directive === undefined || directive === 'merge') {
      items.push(requireKey(rest, key));
    } else {
      throw new ApiError('BadRequest', `unknown patch type: ${String(directive)} in list element ${JSON.stringify(element)}`);
    }
  }
  const merged = replace ? [] : [...base];
  for (const item of items) {
    const at = merged.findIndex((o) => id(o) === id(item));
    const existing = merged[at];
    if (at >= 0) merged[at] = how.mergeElement(isObject(existing) ? existing : {}, item);
    else merged.push(how.mergeElement({}, item));
  }
  if (how.order) checkOrderCovers(items, how.order, id);
  return orderElements(merged, how.order ?? items, original, id);
}

/** Lists of scalars with `patchStrategy:"merge"` (finalizers, podCIDRs): union, first occurrence wins. */
export function mergeScalarSet(original: unknown[], patch: unknown[], order: unknown[] | undefined): unknown[] {
  let replace = false;
  const items: unknown[] = [];
  for (const element of patch) {
    if (isObject(element) && element[PATCH_DIRECTIVE] === 'replace') replace = true;
    else if (isObject(element) || Array.isArray(element)) {
      throw new ApiError('BadRequest', `list of scalars holds a non-scalar: ${JSON.stringify(element)}`);
    } else items.push(element);
  }
  const seen = new Set<string>();
  const merged = [...(replace ? [] : original), ...items].filter((v) => {
    const k = canonicalJson(v);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  if (order) checkOrderCovers(items, order, canonicalJson);
  return orderElements(merged, order ?? items, original, canonicalJson);
}

/** `$deleteFromPrimitiveList/<field>`: drop these scalars from the live list. */
export function deleteScalars(original: unknown[], remove: unknown[]): unknown[] {
  const gone = new Set(remove.map(canonicalJson));
  return original.filter((v) => !gone.has(canonicalJson(v)));
}

function requireKey(element: JsonObject, key: string): JsonObject {
  if (!(key in element)) {
    throw new ApiError('BadRequest', `map: ${JSON.stringify(element)} does not contain declared merge key: ${key}`);
  }
  return element;
}

/** Kubernetes rejects a `$setElementOrder` list that omits an element the patch sets. */
function checkOrderCovers(items: unknown[], order: unknown[], id: Identity): void {
  const listed = new Set(order.map(id));
  const missing = items.find((item) => !listed.has(id(item)));
  if (missing !== undefined) {
    throw new ApiError('BadRequest', `$setElementOrder list does not contain ${JSON.stringify(missing)} from the patch`);
  }
}

/**
 * Order as apimachinery's normalizeElementOrder does: elements named by the patch follow `patchOrder`; the
 * others (server-only) keep their live order and are slotted in before the first patch element that came
 * after them in the live list. A new element therefore lands in front of server-only ones it has no relation to.
 */
export function orderElements(merged: unknown[], patchOrder: unknown[], liveOrder: unknown[], id: Identity): unknown[] {
  const patchIndex = indexOf(patchOrder, id);
  const liveIndex = indexOf(liveOrder, id);
  const byIndex = (index: Map<string, number>) => (a: unknown, b: unknown) =>
    (index.get(id(a)) ?? Number.MAX_SAFE_INTEGER) - (index.get(id(b)) ?? Number.MAX_SAFE_INTEGER);
  const fromPatch = merged.filter((v) => patchIndex.has(id(v))).sort(byIndex(patchIndex));
  const serverOnly = merged.filter((v) => !patchIndex.has(id(v))).sort(byIndex(liveIndex));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < fromPatch.length) {
    const left = liveIndex.get(id(serverOnly[i]));
    const right = liveIndex.get(id(fromPatch[j]));
    const takeServer = j >= fromPatch.length
      || (i < serverOnly.length && left !== undefined && right !== undefined && left < right);
    out.push(takeServer ? serverOnly[i++] : fromPatch[j++]);
  }
  return out;
}

function indexOf(list: unknown[], id: Identity): Map<string, number> {
  const index = new Map<string, number>();
  list.forEach((v, i) => {
    if (!index.has(id(v))) index.set(id(v), i);
  });
  return index;
}
