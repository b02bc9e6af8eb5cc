/** Pod rules (pod.ts): the PodSpec's own checks, the image requirement and what an update may change. */
import type { Body } from '../testing/validation.js';
import { c0, spec, testCreates, testUpdates } from '../testing/validation.js';

testCreates([
  ['image required', 'Pod', (o) => delete c0(o).image, ['spec.containers[0].image: Required value']],
  ['duplicate container names', 'Pod', (o) => (spec(o).containers = [c0(o), { ...c0(o) }]), ['spec.containers[1].name: Duplicate value: "web"']],
  ['restartPolicy', 'Pod', (o) => (spec(o).restartPolicy = 'Sometimes'), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
]);

testUpdates([
  ['pod image may change', 'Pod', (o) => (c0(o).image = 'nginx:2'), []],
  ['pod tolerations may be added', 'Pod', (o) => (spec(o).tolerations as Body[]).push({ key: 'k', operator: 'Exists' }), []],
  ['pod spec otherwise fixed', 'Pod', (o) => (spec(o).restartPolicy = 'Never'), [
    'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  ]],
]);
