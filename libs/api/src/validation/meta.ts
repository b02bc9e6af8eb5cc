/** ObjectMeta validation (ValidateObjectMeta / ValidateObjectMetaUpdate). */
import type { ObjectMeta } from '../types/meta.js';
import { nameErrors, validateLabels } from './checks.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isDNS1123Label, isQualifiedName } from './names.js';
import { deepEqual } from './narrow.js';

const ANNOTATIONS_MAX_BYTES = 256 * 1024;

export type NameCheck = (name: string) => string[];

export interface MetaRules {
  namespaced: boolean;
  nameCheck: NameCheck;
}

function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  if (!annotations) return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    errs.push(...nameErrors(path, k.toLowerCase(), isQualifiedName));
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (total > ANNOTATIONS_MAX_BYTES) errs.push(fieldError.tooLong(path, '', ANNOTATIONS_MAX_BYTES));
  return errs;
}

function validateOwnerReferences(meta: ObjectMeta, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let controllers = 0;
  (meta.ownerReferences ?? []).forEach((ref, i) => {
    const p = path.index(i);
    for (const key of ['apiVersion', 'kind', 'name', 'uid'] as const) {
      if (!ref[key]) errs.push(fieldError.invalid(p.child(key), ref[key] ?? '', `${key} must not be empty`));
    }
    if (ref.controller) controllers++;
  });
  if (controllers > 1) errs.push(fieldError.invalid(path, meta.ownerReferences, 'Only one reference can have Controller set to true'));
  return errs;
}

export function validateObjectMeta(meta: ObjectMeta, rules: MetaRules, path = FieldPath.root('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.name) errs.push(...nameErrors(path.child('name'), meta.name, rules.nameCheck));
  else if (meta.generateName) {
    // The apiserver appends a suffix later; the prefix must already be a valid name once a suffix is added.
    errs.push(...nameErrors(path.child('generateName'), meta.generateName, (p) => rules.nameCheck(`${p}a`)));
  } else errs.push(fieldError.required(path.child('name'), 'name or generateName is required'));
  if (rules.namespaced) {
    if (!meta.namespace) errs.push(fieldError.required(path.child('namespace')));
    else errs.push(...nameErrors(path.child('namespace'), meta.namespace, isDNS1123Label));
  } else if (meta.namespace) {
    errs.push(fieldError.forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta, path.child('ownerReferences')));
  (meta.finalizers ?? []).forEach((f, i) => errs.push(...nameErrors(path.child('finalizers').index(i), f, isQualifiedName)));
  if (meta.generation !== undefined && meta.generation < 0) errs.push(fieldError.invalid(path.child('generation'), meta.generation, 'must be greater than or equal to 0'));
  return errs;
}

/** Identity fields cannot change on update. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = FieldPath.root('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['name', 'namespace', 'uid', 'creationTimestamp'] as const) {
    const now = meta[key];
    const before = old[key];
    // An update may omit uid/creationTimestamp (the server fills them from the stored object).
    if ((key === 'uid' || key === 'creationTimestamp') && now === undefined) continue;
    if (!deepEqual(now, before)) errs.push(fieldError.invalid(path.child(key), now ?? '', 'field is immutable'));
  }
  return errs;
}

