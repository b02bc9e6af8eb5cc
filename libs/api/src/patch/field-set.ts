/**
 * Sets of field paths (field-path.ts), as server-side apply tracks ownership per manager, and their
 * FieldsV1 form (`managedFields[].fieldsV1`). A set holds the leaves of an object (scalars, atomic
 * lists, empty objects) and every keyed or set element.
 */
import { isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import type { Path } from './field-path.js';

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
