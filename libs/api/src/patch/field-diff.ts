/**
 * Which fields a write changed and which it removed, each found in one walk of one object (no path
 * set is built for either side): what an update's manager takes ownership of, and what nobody keeps.
 */
import { canonicalJson, deepEqual } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { MISSING, lookup } from './field-path.js';
import type { Path } from './field-path.js';
import { FieldSet } from './field-set.js';
import { branchOf, keySegment, walkFields } from './field-walk.js';
import { childSchema } from './schema.js';
import type { FieldSchema } from './schema.js';

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
