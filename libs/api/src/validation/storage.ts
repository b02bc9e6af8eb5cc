/** PersistentVolumeClaim validation (ValidatePersistentVolumeClaimSpec). */
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from '../types/pvc.js';
import { oneOf, validateLabelSelector } from './checks.js';
import { validateResources } from './container.js';
import { FieldPath, fieldError, type FieldError } from './field.js';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] as const;

export function validatePersistentVolumeClaimSpec(spec: PersistentVolumeClaimSpec | undefined, path: FieldPath): FieldError[] {
  if (!spec) return [fieldError.required(path)];
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (modes.length === 0) errs.push(fieldError.required(path.child('accessModes'), 'at least 1 access mode is required'));
  modes.forEach((m, i) => errs.push(...oneOf(path.child('accessModes').index(i), m, ACCESS_MODES, true)));
  if (spec.resources?.requests?.storage === undefined) errs.push(fieldError.required(path.child('resources').key('storage')));
  errs.push(...validateResources(spec.resources, path.child('resources')));
  errs.push(...oneOf(path.child('volumeMode'), spec.volumeMode, ['Block', 'Filesystem']));
  errs.push(...validateLabelSelector(spec.selector, path.child('selector')));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  return validatePersistentVolumeClaimSpec(pvc.spec, FieldPath.root('spec'));
}
