/** Volume rules (volume.ts). */
import { spec, testCreates } from '../testing/validation.js';

testCreates([
  ['two volume sources', 'Pod', (o) => (spec(o).volumes = [{ name: 'v', emptyDir: {}, hostPath: { path: '/x', type: '' } }]), [
    'spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type',
  ]],
]);
