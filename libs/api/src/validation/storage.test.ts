/** PersistentVolumeClaim rules (storage.ts). */
import { spec, testCreates } from '../testing/validation.js';

testCreates([
  ['pvc access modes', 'PersistentVolumeClaim', (o) => (spec(o).accessModes = []), ['spec.accessModes: Required value: at least 1 access mode is required']],
]);
