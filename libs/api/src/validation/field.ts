/**
 * Field errors in the shape Kubernetes reports them: a path (`spec.containers[0].image`),
 * a type, and a message. `toCause` turns one into a Status cause for a 422 Invalid.
 */
import type { StatusCause } from '../types/meta.js';

export type FieldErrorType = 'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'TooMany' | 'NotFound';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail?: string;
}

const REASONS: Record<FieldErrorType, string> = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TooMany: 'FieldValueTooMany',
  NotFound: 'FieldValueNotFound',
};

/** A path builder: `root('spec').child('containers').index(0).child('image').toString()`. */
export class FieldPath {
  private constructor(private readonly parts: readonly string[]) {}

  static root(name = ''): FieldPath {
    return new FieldPath(name ? [name] : []);
  }

  child(name: string): FieldPath {
    return new FieldPath([...this.parts, name]);
  }

  index(i: number): FieldPath {
    return this.suffix(`[${i}]`);
  }

  key(k: string): FieldPath {
    return this.suffix(`[${k}]`);
  }

  toString(): string {
    return this.parts.join('.');
  }

  private suffix(s: string): FieldPath {
    if (this.parts.length === 0) return new FieldPath([s]);
    const head = this.parts.slice(0, -1);
    return new FieldPath([...head, `${this.parts[this.parts.length - 1]}${s}`]);
  }
}

type Path = FieldPath | string;

export const fieldError = {
  required: (path: Path, detail?: string): FieldError => ({ type: 'Required', field: String(path), detail }),
  invalid: (path: Path, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field: String(path), value, detail }),
  notSupported: (path: Path, value: unknown, supported: readonly string[]): FieldError => ({
    type: 'NotSupported',
    field: String(path),
    value,
    detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
  }),
  duplicate: (path: Path, value: unknown): FieldError => ({ type: 'Duplicate', field: String(path), value }),
  forbidden: (path: Path, detail: string): FieldError => ({ type: 'Forbidden', field: String(path), detail }),
  tooLong: (path: Path, value: unknown, max: number): FieldError => ({
    type: 'TooLong',
    field: String(path),
    value,
    detail: `must have at most ${max} bytes`,
  }),
  tooMany: (path: Path, actual: number, max: number): FieldError => ({
    type: 'TooMany',
    field: String(path),
    value: actual,
    detail: `must have at most ${max} items`,
  }),
  notFound: (path: Path, value: unknown): FieldError => ({ type: 'NotFound', field: String(path), value }),
};

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

/** The message half of `field: message`, worded as Kubernetes words it. */
export function fieldErrorMessage(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return e.detail ? `Required value: ${e.detail}` : 'Required value';
    case 'Forbidden':
      return e.detail ? `Forbidden: ${e.detail}` : 'Forbidden';
    case 'Invalid':
      return `Invalid value: ${describeValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'NotSupported':
      return `Unsupported value: ${describeValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'Duplicate':
      return `Duplicate value: ${describeValue(e.value)}`;
    case 'TooLong':
      return `Too long: ${e.detail ?? ''}`.trim();
    case 'TooMany':
      return `Too many: ${describeValue(e.value)}: ${e.detail ?? ''}`.trim();
    case 'NotFound':
      return `Not found: ${describeValue(e.value)}`;
  }
}

export function toCause(e: FieldError): StatusCause {
  return { reason: REASONS[e.type], message: fieldErrorMessage(e), field: e.field };
}
