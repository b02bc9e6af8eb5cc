/** Small reusable checks, worded as Kubernetes' ValidateNonnegativeField & co. */
import type { LabelSelector } from '../types/meta.js';
import { fieldError, type FieldError, type FieldPath } from './field.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

export function nonNegative(path: FieldPath, v: number | undefined): FieldError[] {
  return v !== undefined && v < 0 ? [fieldError.invalid(path, v, 'must be greater than or equal to 0')] : [];
}

export function positive(path: FieldPath, v: number | undefined): FieldError[] {
  return v !== undefined && v <= 0 ? [fieldError.invalid(path, v, 'must be greater than 0')] : [];
}

/** A value from a closed set; `required` also reports it missing (empty string counts as missing). */
export function oneOf(path: FieldPath, v: string | undefined, allowed: readonly string[], required = false): FieldError[] {
  if (v === undefined || v === '') return required ? [fieldError.notSupported(path, v ?? '', allowed)] : [];
  return allowed.includes(v) ? [] : [fieldError.notSupported(path, v, allowed)];
}

export function requiredString(path: FieldPath, v: string | undefined): FieldError[] {
  return v ? [] : [fieldError.required(path)];
}

/** Each message of a name check as an Invalid at `path`. */
export function nameErrors(path: FieldPath, v: string, check: (v: string) => string[]): FieldError[] {
  return check(v).map((msg) => fieldError.invalid(path, v, msg));
}

export function validateLabels(labels: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  return Object.entries(labels ?? {}).flatMap(([k, v]) => [
    ...nameErrors(path, k, isQualifiedName),
    ...nameErrors(path, v, isValidLabelValue),
  ]);
}

const SELECTOR_OPS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export function validateLabelSelector(sel: LabelSelector | undefined, path: FieldPath): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const p = path.child('matchExpressions').index(i);
    errs.push(...oneOf(p.child('operator'), e.operator, SELECTOR_OPS, true));
    errs.push(...nameErrors(p.child('key'), e.key ?? '', isQualifiedName));
    const n = e.values?.length ?? 0;
    if ((e.operator === 'In' || e.operator === 'NotIn') && n === 0) {
      errs.push(fieldError.required(p.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\''));
    }
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && n > 0) {
      errs.push(fieldError.forbidden(p.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    }
  });
  return errs;
}

/** Duplicate values in a list of names, reported at their index. */
export function duplicates(names: readonly (string | undefined)[], pathOf: (i: number) => FieldPath): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  names.forEach((n, i) => {
    if (n === undefined || n === '') return;
    if (seen.has(n)) errs.push(fieldError.duplicate(pathOf(i), n));
    seen.add(n);
  });
  return errs;
}

/** `x: Invalid value: …: field is immutable` when a value changed. */
export function immutable(path: FieldPath, now: unknown, before: unknown, same: (a: unknown, b: unknown) => boolean): FieldError[] {
  return same(now, before) ? [] : [fieldError.invalid(path, now ?? null, 'field is immutable')];
}

/** Percent (`25%`, 0–100 when `max100`) or a non-negative integer. */
export function intOrPercent(path: FieldPath, v: number | string | undefined, max100 = true): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return nonNegative(path, v);
  const m = /^(\d+)%$/.exec(v);
  if (!m) return [fieldError.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return max100 && Number(m[1]) > 100 ? [fieldError.invalid(path, v, 'must not be greater than 100%')] : [];
}
