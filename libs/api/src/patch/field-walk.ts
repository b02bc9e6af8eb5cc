/**
 * Which paths an object sets, per its kind's schema: the leaves (scalars, atomic lists, empty
 * objects) and every keyed or set element. walkFields is the one definition; fieldsOf collects its
 * paths into a set, and the FieldsV1 writer (fields-v1.ts) and the diffs (field-diff.ts) follow the
 * same branches (branchOf, keySegment).
 */
import { canonicalJson, isObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import type { Path } from './field-path.js';
import { FieldSet } from './field-set.js';
import { childSchema } from './schema.js';
import type { FieldSchema } from './schema.js';

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

export function keySegment(key: string, value: unknown): string {
  return `k:${canonicalJson({ [key]: value })}`;
}

/** Which way walkFields goes at `value` (with the schema of its path). */
export function branchOf(value: unknown, schema: FieldSchema | undefined): 'object' | 'keyed' | 'set' | 'leaf' {
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
