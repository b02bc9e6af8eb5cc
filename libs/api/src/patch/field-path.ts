/**
 * Field paths as server-side apply tracks ownership: a list of segments in the Kubernetes FieldsV1
 * spelling, so paths convert to and from `managedFields[].fieldsV1` directly:
 *   f:<field>          a field of an object
 *   k:{"name":"web"}   the element of a merge-keyed list with that key
 *   v:"value"          the element of a scalar set
 * Here: following a path into an object (to read or remove what it names), and printing it.
 */
import { canonicalJson, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';

export type Path = readonly string[];

/** The value at `path`, if present. */
export function valueAt(root: unknown, path: Path): { found: boolean; value?: unknown } {
  let current: unknown = root;
  for (const seg of path) {
    const slot = step(current, seg);
    if (slot === undefined) return { found: false };
    current = slot.value;
  }
  return { found: true, value: current };
}

/** Delete the value at `path` from `root` (mutates `root`, which the caller owns). */
export function removeAt(root: unknown, path: Path): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent.found && last !== undefined) step(parent.value, last)?.remove();
}

interface Slot {
  readonly value: unknown;
  remove(): void;
}

function step(current: unknown, seg: string): Slot | undefined {
  const arg = seg.slice(2);
  if (seg.startsWith('f:')) {
    if (!isObject(current) || !(arg in current)) return undefined;
    return { value: current[arg], remove: () => delete current[arg] };
  }
  const index = elementIndex(current, seg);
  return index < 0 ? undefined : { value: (current as unknown[])[index], remove: () => (current as unknown[]).splice(index, 1) };
}

export const MISSING: unique symbol = Symbol('missing');

/** step() without the removal handle: the value one segment down, or MISSING. */
export function lookup(current: unknown, seg: string): unknown {
  if (seg.startsWith('f:')) {
    const arg = seg.slice(2);
    return isObject(current) && arg in current ? current[arg] : MISSING;
  }
  const index = elementIndex(current, seg);
  return index < 0 ? MISSING : (current as unknown[])[index];
}

/** The first element of the list `current` that a `k:` or `v:` segment names; -1 when none. */
function elementIndex(current: unknown, seg: string): number {
  if (!Array.isArray(current)) return -1;
  const arg = seg.slice(2);
  const matches = seg.startsWith('k:') ? keyMatcher(JSON.parse(arg) as JsonObject) : (el: unknown) => canonicalJson(el) === arg;
  return current.findIndex(matches);
}

function keyMatcher(keys: JsonObject): (el: unknown) => boolean {
  return (el) => isObject(el) && Object.keys(keys).every((k) => canonicalJson(el[k]) === canonicalJson(keys[k]));
}

/** Paths as Kubernetes prints them in conflicts: `.spec.template.spec.containers[name="web"].image`. */
export function formatPath(path: Path): string {
  return path
    .map((seg) => {
      const arg = seg.slice(2);
      if (seg.startsWith('f:')) return `.${arg}`;
      if (seg.startsWith('v:')) return `[=${arg}]`;
      const keys = JSON.parse(arg) as JsonObject;
      return `[${Object.entries(keys).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    })
    .join('');
}
