/**
 * FieldsV1 tries worked on directly, with no FieldSet built in between (both run on API writes): a
 * create writes its trie straight from the object, and an update asks each other manager's stored
 * trie whether it owns any changed or removed path (most own none, and are never read into a set).
 * FieldSet.toFieldsV1 / fromFieldsV1 are the general conversions.
 */
import { canonicalJson, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { branchOf, keySegment } from './field-walk.js';
import type { FieldSet } from './field-set.js';
import { childSchema } from './schema.js';
import type { FieldSchema } from './schema.js';

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
