/**
 * Sets of field paths, as server-side apply tracks ownership. A path is a list of segments in the
 * Kubernetes FieldsV1 spelling, so sets convert to and from `managedFields[].fieldsV1` directly:
 *   f:<field>          a field of an object
 *   k:{"name":"web"}   the element of a merge-keyed list with that key
 *   v:"value"          the element of a scalar set
 * A set holds the leaves of an object (scalars, atomic lists, empty objects) and every keyed or set element.
 */
import { canonicalJson, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { childSchema } from './schema.js';
import type { FieldSchema } from './schema.js';

export type Path = readonly string[];

export class FieldSet implements Iterable<Path> {
  private readonly members = new Map<string, Path>();

  constructor(paths: Iterable<Path> = []) {
    for (const path of paths) this.add(path);
  }

  add(path: Path): void {
    this.members.set(JSON.stringify(path), path);
  }

  has(path: Path): boolean {
    return this.members.has(JSON.stringify(path));
  }

  get size(): number {
    return this.members.size;
  }

  [Symbol.iterator](): Iterator<Path> {
    return this.members.values();
  }

  union(other: FieldSet): FieldSet {
    return new FieldSet([...this, ...other]);
  }

  minus(other: FieldSet): FieldSet {
    return new FieldSet([...this].filter((p) => !other.has(p)));
  }

  intersect(other: FieldSet): FieldSet {
    return new FieldSet([...this].filter((p) => other.has(p)));
  }

  /** Whether `path` or anything below it is in the set. */
  covers(path: Path): boolean {
    return [...this].some((p) => p.length >= path.length && path.every((seg, i) => p[i] === seg));
  }

  /** FieldsV1 trie; a member that also has children is marked with a "." entry, as Kubernetes writes it. */
  toFieldsV1(): JsonObject {
    const root: JsonObject = {};
    for (const path of this) {
      let node = root;
      for (const seg of path) node = (node[seg] ??= {}) as JsonObject;
      node['.'] = {};
    }
    return collapseLeaves(root);
  }

  static fromFieldsV1(trie: unknown): FieldSet {
    const set = new FieldSet();
    const walk = (node: unknown, path: string[]): void => {
      if (!isObject(node)) return;
      const children = Object.keys(node).filter((k) => k !== '.');
      if (path.length > 0 && ('.' in node || children.length === 0)) set.add(path);
      for (const child of children) walk(node[child], [...path, child]);
    };
    walk(trie, []);
    return set;
  }
}

/** `{".": {}}` alone is written `{}`: a leaf needs no marker. */
function collapseLeaves(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  const keys = Object.keys(node).filter((k) => k !== '.');
  if (keys.length > 0 && '.' in node) out['.'] = {};
  for (const key of keys.sort()) out[key] = collapseLeaves(node[key] as JsonObject);
  return out;
}

/** Every path an object sets, per the kind's schema (which lists are keyed or sets). */
export function fieldsOf(value: unknown, schema: FieldSchema | undefined): FieldSet {
  const set = new FieldSet();
  collect(value, schema, [], set);
  return set;
}

function collect(value: unknown, schema: FieldSchema | undefined, path: Path, out: FieldSet): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) collect(child, childSchema(schema, key), [...path, `f:${key}`], out);
    return;
  }
  const key = schema?.mergeKey;
  if (Array.isArray(value) && value.length > 0 && key && value.every((el) => isObject(el) && key in el)) {
    for (const el of value as JsonObject[]) {
      const elementPath = [...path, keySegment(key, el[key])];
      out.add(elementPath);
      collect(el, schema, elementPath, out);
    }
    return;
  }
  if (Array.isArray(value) && value.length > 0 && schema?.set) {
    for (const el of value) out.add([...path, `v:${canonicalJson(el)}`]);
    return;
  }
  if (path.length > 0) out.add(path);
}

export function keySegment(key: string, value: unknown): string {
  return `k:${canonicalJson({ [key]: value })}`;
}

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
  if (!Array.isArray(current)) return undefined;
  const matches = seg.startsWith('k:') ? keyMatcher(JSON.parse(arg) as JsonObject) : (el: unknown) => canonicalJson(el) === arg;
  const index = current.findIndex(matches);
  return index < 0 ? undefined : { value: current[index], remove: () => current.splice(index, 1) };
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

/** Paths of `after` that `before` lacks or holds with another value (element paths compare by presence only). */
export function changedFields(before: unknown, after: unknown, schema: FieldSchema | undefined): FieldSet {
  return new FieldSet(
    [...fieldsOf(after, schema)].filter((path) => {
      const old = valueAt(before, path);
      if (!old.found) return true;
      const last = path[path.length - 1] ?? '';
      return last.startsWith('f:') && canonicalJson(old.value) !== canonicalJson(valueAt(after, path).value);
    }),
  );
}
