/** Container rules (container.ts), shared by Pods and every pod template. */
import { c0, testCreates } from '../testing/validation.js';

testCreates([
  ['requests above limits', 'Pod', (o) => (c0(o).resources = { limits: { cpu: '1' }, requests: { cpu: '2' } }), [
    'spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
  ]],
  ['container port range', 'Pod', (o) => (c0(o).ports = [{ containerPort: 70000, protocol: 'TCP' }]), [
    'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  ]],
  ['mount of an unknown volume', 'Pod', (o) => (c0(o).volumeMounts = [{ name: 'data', mountPath: '/d' }]), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
  ['probe without handler', 'Pod', (o) => (c0(o).livenessProbe = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }), [
    'spec.containers[0].livenessProbe: Required value: must specify a handler type',
  ]],
]);
