/**
 * Structural checks: a small shape language for what must be an object, an array, a number…
 * Go's JSON decoder would refuse a mistyped field outright; here each mismatch becomes a FieldError
 * at its path, and kind validators run only on bodies whose shape is sound.
 */
import { isValidQuantity } from '../quantity.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
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

/** Every place `value` departs from `shape`; null and absent fields are fine (optional, as in Go). */
export function checkShape(shape: Shape, value: unknown, path: FieldPath): FieldError[] {
  if (value === undefined || value === null || shape.t === 'any') return [];
  const wrongType = (): FieldError[] => [fieldError.invalid(path, value, `must be of type ${typeName(shape)}`)];
  switch (shape.t) {
    case 'object': {
      if (!isRecord(value)) return wrongType();
      return Object.entries(shape.fields).flatMap(([k, s]) => checkShape(s, value[k], path.child(k)));
    }
    case 'map': {
      if (!isRecord(value)) return wrongType();
      return Object.entries(value).flatMap(([k, v]) => checkShape(shape.of, v, path.key(k)));
    }
    case 'array': {
      if (!Array.isArray(value)) return wrongType();
      return value.flatMap((v: unknown, i) => checkShape(shape.of, v, path.index(i)));
    }
    case 'quantity':
      return isValidQuantity(value)
        ? []
        : [fieldError.invalid(path, value, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")];
    default:
      return matchesScalar(shape.t, value) ? [] : wrongType();
  }
}

/** Check the top-level fields of an object against their shapes, each at its own root path. */
export function checkFields(fields: Readonly<Record<string, Shape>>, obj: Readonly<Record<string, unknown>>): FieldError[] {
  return Object.entries(fields).flatMap(([k, s]) => checkShape(s, obj[k], FieldPath.root(k)));
}
