/**
 * Structural checks: a small shape language for what must be an object, an array, a number…
 * Go's JSON decoder would refuse a mistyped field outright; here each mismatch becomes a FieldError
 * at its path, and kind validators run only on bodies whose shape is sound.
 */
import { isValidQuantity } from '../quantity.js';
import { fieldError, type FieldError, type FieldPath } from './field.js';
import { isRecord } from './narrow.js';

export type Shape =
  | { t: 'string' | 'integer' | 'number' | 'boolean' | 'intOrString' | 'quantity' | 'any' }
  | { t: 'object'; fields: Readonly<Record<string, Shape>> }
  | { t: 'array'; of: Shape }
  | { t: 'map'; of: Shape };

export const S = {
  str: { t: 'string' } as Shape,
  int: { t: 'integer' } as Shape,
  num: { t: 'number' } as Shape,
  bool: { t: 'boolean' } as Shape,
  intOrStr: { t: 'intOrString' } as Shape,
  quantity: { t: 'quantity' } as Shape,
  any: { t: 'any' } as Shape,
  obj: (fields: Readonly<Record<string, Shape>>): Shape => ({ t: 'object', fields }),
  arr: (of: Shape): Shape => ({ t: 'array', of }),
  map: (of: Shape): Shape => ({ t: 'map', of }),
};

export const strings = S.arr(S.str);
export const stringMap = S.map(S.str);
export const resourceList = S.map(S.quantity);

function typeName(shape: Shape): string {
  switch (shape.t) {
    case 'object':
    case 'map':
      return 'object';
    case 'intOrString':
      return 'integer or string';
    default:
      return shape.t;
  }
}

function matchesScalar(t: Shape['t'], v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'intOrString':
      return typeof v === 'string' || Number.isInteger(v);
    default:
      return true;
  }
}

/**
 * A path that is only spelled out when an error is reported: most checked values are fine, and
 * building a FieldPath for every field of a schema (present or not) was most of the check's cost.
 * `toString()` spells it exactly as FieldPath does (`a.b[0][key]`).
 */
class LazyPath {
  constructor(
    private readonly parent: LazyPath | string,
    /** `.name` for a field, `[i]` for an element or a map key */
    private readonly seg: string,
    private readonly field: boolean,
  ) {}

  toString(): string {
    const base = String(this.parent);
    if (!this.field) return `${base}${this.seg}`;
    return base === '' ? this.seg : `${base}.${this.seg}`;
  }
}

type Where = LazyPath | string;

/** A shape compiled once into a function that appends every mismatch at `path` to `out`. */
type Checker = (value: unknown, path: Where, out: FieldError[]) => void;

const QUANTITY_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const compiled = new WeakMap<Shape, Checker>();

function compile(shape: Shape): Checker {
  let check = compiled.get(shape);
  if (!check) {
    check = build(shape);
    compiled.set(shape, check);
  }
  return check;
}

function build(shape: Shape): Checker {
  const wrongType = `must be of type ${typeName(shape)}`;
  switch (shape.t) {
    case 'any':
      return () => undefined;
    case 'object': {
      const fields = Object.entries(shape.fields).map(([k, s]) => [k, compile(s)] as const);
      return (value, path, out) => {
        if (value === undefined || value === null) return;
        if (!isRecord(value)) {
          out.push(fieldError.invalid(String(path), value, wrongType));
          return;
        }
        for (const [k, check] of fields) {
          const v = value[k];
          if (v !== undefined && v !== null) check(v, new LazyPath(path, k, true), out);
        }
      };
    }
    case 'map': {
      const of = compile(shape.of);
      return (value, path, out) => {
        if (value === undefined || value === null) return;
        if (!isRecord(value)) {
          out.push(fieldError.invalid(String(path), value, wrongType));
          return;
        }
        for (const k in value) {
          const v = value[k];
          if (v !== undefined && v !== null) of(v, new LazyPath(path, `[${k}]`, false), out);
        }
      };
    }
    case 'array': {
      const of = compile(shape.of);
      return (value, path, out) => {
        if (value === undefined || value === null) return;
        if (!Array.isArray(value)) {
          out.push(fieldError.invalid(String(path), value, wrongType));
          return;
        }
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          if (v !== undefined && v !== null) of(v, new LazyPath(path, `[${i}]`, false), out);
        }
      };
    }
    case 'quantity':
      return (value, path, out) => {
        if (value !== undefined && value !== null && !isValidQuantity(value)) out.push(fieldError.invalid(String(path), value, QUANTITY_MESSAGE));
      };
    default: {
      const t = shape.t;
      return (value, path, out) => {
        if (value !== undefined && value !== null && !matchesScalar(t, value)) out.push(fieldError.invalid(String(path), value, wrongType));
      };
    }
  }
}

/** Every place `value` departs from `shape`; null and absent fields are fine (optional, as in Go). */
export function checkShape(shape: Shape, value: unknown, path: FieldPath): FieldError[] {
  const out: FieldError[] = [];
  compile(shape)(value, String(path), out);
  return out;
}

const compiledFields = new WeakMap<Readonly<Record<string, Shape>>, (readonly [string, Checker])[]>();

/** Check the top-level fields of an object against their shapes, each at its own root path. */
export function checkFields(fields: Readonly<Record<string, Shape>>, obj: Readonly<Record<string, unknown>>): FieldError[] {
  let checks = compiledFields.get(fields);
  if (!checks) {
    checks = Object.entries(fields).map(([k, s]) => [k, compile(s)] as const);
    compiledFields.set(fields, checks);
  }
  const out: FieldError[] = [];
  for (const [k, check] of checks) check(obj[k], k, out);
  return out;
}
