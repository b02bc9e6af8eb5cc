/**
 * Sets of field paths, as server-side apply tracks ownership. A path is a list of segments in the
 * Kubernetes FieldsV1 spelling, so sets convert to and from `managedFields[].fieldsV1` directly:
 *   f:<field>          a field of an object
 *   k:{"name":"web"}   the element of a merge-keyed list with that key
 *   v:"value"          the element of a scalar set
 * A set holds the leaves of an object (scalars, atomic lists, empty objects) and every keyed or set element.
 */
import { canonicalJson, deepEqual, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { childSchema } from './schema.js';
import type { FieldSchema } from './schema.js';

export type Path = readonly string[];

/** A path as one string, unambiguous without escaping (each segment prefixed by its length). */
function memberKey(path: Path): string {
  let key = '';
  for (const seg of path) key += `${seg.length}:${seg}`;
  return key;
}

export class FieldSet implements Iterable<Path> {
  private map: Map<string, Path> | undefined = new Map<string, Path>();
  /** a FieldsV1 trie whose paths are read on first use (most owners of an object never need them) */
  private trie: unknown;

  constructor(paths: Iterable<Path> = []) {
    for (const path of paths) this.add(path);
  }

  private get members(): Map<string, Path> {
    if (!this.map) {
      this.map = new Map();
      readTrie(this.trie, [], this.map);
    }
    return this.map;
  }

  add(path: Path): void {
    this.members.set(memberKey(path), path);
  }

  has(path: Path): boolean {
    return this.members.has(memberKey(path));
  }

  /** The members that pass `keep` (their keys reused, not spelled again). */
  filter(keep: (path: Path) => boolean): FieldSet {
    const out = new FieldSet();
    for (const [key, path] of this.members) if (keep(path)) out.members.set(key, path);
    return out;
  }

  get size(): number {
    return this.members.size;
  }

  [Symbol.iterator](): Iterator<Path> {
    return this.members.values();
  }

  // Sets are never changed once built, so an operation that changes nothing may return `this`,
  // and the results reuse the members' keys instead of spelling every path again.
  union(other: FieldSet): FieldSet {
    if (other.size === 0) return this;
    const out = this.copy(this.members);
    for (const [key, path] of other.members) out.members.set(key, path);
    return out;
  }

  minus(other: FieldSet): FieldSet {
    if (other.size === 0) return this;
    const kept = [...this.members].filter(([key]) => !other.members.has(key));
    return kept.length === this.size ? this : this.copy(kept);
  }

  intersect(other: FieldSet): FieldSet {
    return this.copy([...this.members].filter(([key]) => other.members.has(key)));
  }

  private copy(members: Iterable<readonly [string, Path]>): FieldSet {
    const out = new FieldSet();
    for (const [key, path] of members) out.members.set(key, path);
    return out;
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
    set.map = undefined;
    set.trie = trie;
    return set;
  }
}

function readTrie(node: unknown, path: string[], into: Map<string, Path>): void {
  if (!isObject(node)) return;
  const children = Object.keys(node).filter((k) => k !== '.');
  if (path.length > 0 && ('.' in node || children.length === 0)) into.set(memberKey(path), path);
  for (const child of children) readTrie(node[child], [...path, child], into);
}

/** Whether the FieldsV1 trie `trie` has any member of `set`, without reading the trie into a set. */
export function trieHasAny(trie: unknown, set: FieldSet): boolean {
  for (const path of set) {
    let node: unknown = trie;
    for (const seg of path) node = isObject(node) ? node[seg] : undefined;
    if (isObject(node) && ('.' in node || Object.keys(node).length === 0)) return true;
  }
  return false;
}

/**
 * `{".": {}}` alone is written `{}`: a leaf needs no marker. A node with nothing at all below it
 * (fieldsV1Of: a parent whose every child was dropped) is left out.
 */
function collapseLeaves(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  const keys = Object.keys(node).filter((k) => k !== '.');
  if (keys.length > 0 && '.' in node) out['.'] = {};
  for (const key of keys.sort()) {
    const child = node[key] as JsonObject;
    if (Object.keys(child).length > 0) out[key] = collapseLeaves(child);
  }
  return out;
}

/** Every path an object sets, per the kind's schema (which lists are keyed or sets). */
export function fieldsOf(value: unknown, schema: FieldSchema | undefined): FieldSet {
  const set = new FieldSet();
  walkFields<Path>(value, schema, [], {
    child: (path, seg) => [...path, seg],
    mark: (path) => {
      if (path.length > 0) set.add(path);
    },
  });
  return set;
}

/**
 * Where the walk of an object's fields goes: `child` makes the node of a path one segment further,
 * `mark` records a node's path as a member. fieldsOf builds paths; fieldsV1Of builds the trie directly.
 */
export interface FieldSink<N> {
  child(node: N, seg: string): N;
  mark(node: N): void;
  /** true: nothing at or below this node matters to the sink (a diff of two identical values) */
  skip?(node: N, value: unknown): boolean;
}

/** The one definition of which paths an object sets; `sink` decides what to build from them. */
export function walkFields<N>(value: unknown, schema: FieldSchema | undefined, node: N, sink: FieldSink<N>): void {
  if (sink.skip?.(node, value)) return;
  switch (branchOf(value, schema)) {
    case 'object':
      for (const key of Object.keys(value as JsonObject)) {
        walkFields((value as JsonObject)[key], childSchema(schema, key), sink.child(node, `f:${key}`), sink);
      }
      return;
    case 'keyed': {
      const key = schema!.mergeKey!;
      for (const el of value as JsonObject[]) {
        const element = sink.child(node, keySegment(key, el[key]));
        sink.mark(element);
        walkFields(el, schema, element, sink);
      }
      return;
    }
    case 'set':
      for (const el of value as unknown[]) sink.mark(sink.child(node, `v:${canonicalJson(el)}`));
      return;
    default:
      sink.mark(node);
  }
}

/**
 * `fieldsOf(value, schema).toFieldsV1()` without the set in between (a create records every field
 * of the object): one walk into a trie of nodes, then one pass that writes it sorted. `keep(seg,
 * parent)` can drop a whole subtree at a segment of depth 0 (parent undefined) or 1.
 */
export function fieldsV1Of(value: unknown, schema: FieldSchema | undefined, keep: (seg: string, parent: string | undefined) => boolean): JsonObject {
  const root: TrieNode = { leaf: false, kids: undefined };
  // walkFields' branches, writing straight into the trie (the same paths: see walkFields).
  // `parent`: undefined at the root, the root's segment one level down, null below (keep not asked)
  const add = (v: unknown, s: FieldSchema | undefined, node: TrieNode, parent: string | undefined | null): void => {
    switch (branchOf(v, s)) {
      case 'object':
        for (const key of Object.keys(v as JsonObject)) {
          const seg = `f:${key}`;
          if (parent !== null && !keep(seg, parent)) continue;
          add((v as JsonObject)[key], childSchema(s, key), kid(node, seg), parent === undefined ? seg : null);
        }
        return;
      case 'keyed': {
        const key = s!.mergeKey!;
        for (const el of v as JsonObject[]) {
          const element = kid(node, keySegment(key, el[key]));
          element.leaf = true;
          add(el, s, element, null);
        }
        return;
      }
      case 'set':
        for (const el of v as unknown[]) kid(node, `v:${canonicalJson(el)}`).leaf = true;
        return;
      default:
        node.leaf = true;
    }
  };
  add(value, schema, root, undefined);
  return writeTrie(root);
}

interface TrieNode {
  leaf: boolean;
  kids: Record<string, TrieNode> | undefined;
}

function kid(node: TrieNode, seg: string): TrieNode {
  node.kids ??= {};
  return (node.kids[seg] ??= { leaf: false, kids: undefined });
}

/** FieldsV1 as the apiserver writes it: keys sorted, "." on a member that has children, empty nodes left out. */
function writeTrie(node: TrieNode): JsonObject {
  const out: JsonObject = {};
  if (!node.kids) return out;
  const keys = Object.keys(node.kids).sort();
  if (keys.length > 0 && node.leaf) out['.'] = {};
  for (const key of keys) {
    const child = node.kids[key]!;
    if (child.leaf || child.kids !== undefined) out[key] = writeTrie(child);
  }
  return out;
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
  const index = elementIndex(current, seg);
  return index < 0 ? undefined : { value: (current as unknown[])[index], remove: () => (current as unknown[]).splice(index, 1) };
}

const MISSING: unique symbol = Symbol('missing');

/** step() without the removal handle: the value one segment down, or MISSING. */
function lookup(current: unknown, seg: string): unknown {
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

/** Paths of `after` that `before` lacks or holds with another value (element paths compare by presence only). */
export function changedFields(before: unknown, after: unknown, schema: FieldSchema | undefined): FieldSet {
  // one walk of `after`, following the same path in both objects as valueAt would from the root
  interface Here extends Trail {
    before: unknown;
    after: unknown;
  }
  const out = new FieldSet();
  walkFields<Here>(after, schema, { up: undefined, seg: '', before, after }, {
    child: (here, seg) => ({
      up: here,
      seg,
      before: here.before === MISSING ? MISSING : lookup(here.before, seg),
      after: lookup(here.after, seg),
    }),
    mark(here) {
      if (here.up === undefined) return;
      if (here.before === MISSING || (here.seg.startsWith('f:') && here.before !== here.after && canonicalJson(here.before) !== canonicalJson(here.after))) {
        out.add(pathOf(here));
      }
    },
    skip: (here) => here.up !== undefined && here.before !== MISSING && unchangedValue(here, here.before, here.after),
  });
  return out;
}

/**
 * Whether a diff can skip the subtree at `here`: the same value on both sides (a status update keeps
 * the stored spec object), or, for a top-level field, an equal one (one comparison instead of a
 * walk with a lookup per field).
 */
function unchangedValue(here: Trail, before: unknown, after: unknown): boolean {
  if (before === after) return true;
  return here.up?.up === undefined && typeof before === 'object' && before !== null && deepEqual(before, after);
}

/** A path as a chain of segments up to the root (whose `up` is undefined): built only when it is kept. */
interface Trail {
  readonly up: Trail | undefined;
  readonly seg: string;
}

function pathOf(trail: Trail): Path {
  const path: string[] = [];
  for (let t: Trail | undefined = trail; t?.up !== undefined; t = t.up) path.push(t.seg);
  return path.reverse();
}

/** `fieldsOf(before).minus(fieldsOf(after))` in one walk of `before`, without building either set. */
export function removedFields(before: unknown, after: unknown, schema: FieldSchema | undefined): FieldSet {
  // `inAfter`: every value the walk of `after` visits at the same path (several for duplicate list keys)
  interface Here extends Trail {
    schema: FieldSchema | undefined;
    inAfter: unknown[];
  }
  const out = new FieldSet();
  walkFields<Here>(before, schema, { up: undefined, seg: '', schema, inAfter: [after] }, {
    child(here, seg) {
      const inAfter = here.inAfter.length === 0 ? here.inAfter : visitedChildren(here.inAfter, seg, here.schema);
      return { up: here, seg, schema: seg.startsWith('f:') ? childSchema(here.schema, seg.slice(2)) : here.schema, inAfter };
    },
    mark(here) {
      if (here.up === undefined) return;
      const marked = here.seg.startsWith('f:') ? here.inAfter.some((v) => branchOf(v, here.schema) === 'leaf') : here.inAfter.length > 0;
      if (!marked) out.add(pathOf(here));
    },
    skip: (here, value) => here.up !== undefined && here.inAfter.length === 1 && unchangedValue(here, value, here.inAfter[0]),
  });
  return out;
}

/** Which way walkFields goes at `value` (with the schema of its path). */
function branchOf(value: unknown, schema: FieldSchema | undefined): 'object' | 'keyed' | 'set' | 'leaf' {
  if (isObject(value) && hasOwnKeys(value)) return 'object';
  const key = schema?.mergeKey;
  if (Array.isArray(value) && value.length > 0 && key && value.every((el) => isObject(el) && key in el)) return 'keyed';
  if (Array.isArray(value) && value.length > 0 && schema?.set) return 'set';
  return 'leaf';
}

/** `Object.keys(value).length > 0` without building the array. */
function hasOwnKeys(value: JsonObject): boolean {
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return true;
  return false;
}

/** The values walkFields visits at `seg` below each of `values` (whose path has `schema`). */
function visitedChildren(values: readonly unknown[], seg: string, schema: FieldSchema | undefined): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    const branch = branchOf(value, schema);
    if (seg.startsWith('f:')) {
      const key = seg.slice(2);
      if (branch === 'object' && Object.prototype.hasOwnProperty.call(value, key)) out.push((value as JsonObject)[key]);
    } else if (seg.startsWith('k:') && branch === 'keyed') {
      const mergeKey = schema!.mergeKey!;
      for (const el of value as JsonObject[]) if (keySegment(mergeKey, el[mergeKey]) === seg) out.push(el);
    } else if (seg.startsWith('v:') && branch === 'set') {
      for (const el of value as unknown[]) if (`v:${canonicalJson(el)}` === seg) out.push(el);
    }
  }
  return out;
}
