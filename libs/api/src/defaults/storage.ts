/** PersistentVolumeClaim defaults (SetDefaults_PersistentVolumeClaim/_Spec). */
import type { KubeObject } from '../types/meta.js';
import { recAt, setDefault, setDefaultString, type Rec } from '../validation/narrow.js';
import { stringifyQuantities } from './quantities.js';

export function defaultPersistentVolumeClaimSpec(spec: Rec): void {
  setDefaultString(spec, 'volumeMode', 'Filesystem');
  const resources = recAt(spec, 'resources');
  stringifyQuantities(resources, 'requests');
  stringifyQuantities(resources, 'limits');
}

/** A whole claim: also status.phase Pending, which StatefulSet claim templates show too. */
export function defaultPersistentVolumeClaim(pvc: KubeObject | Rec): void {
  const spec = recAt(pvc, 'spec');
  if (spec) defaultPersistentVolumeClaimSpec(spec);
  setDefault(pvc, 'status', {});
  const status = recAt(pvc, 'status');
  if (status) setDefaultString(status, 'phase', 'Pending');
}
