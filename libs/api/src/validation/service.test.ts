/** Service rules (service.ts). */
import { spec, testCreates, testUpdates } from '../testing/validation.js';

testCreates([
  ['service port required', 'Service', (o) => (spec(o).ports = []), ['spec.ports: Required value']],
  ['service port names', 'Service', (o) => (spec(o).ports = [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 81, protocol: 'TCP', targetPort: 81 }]), [
    'spec.ports[0].name: Required value', 'spec.ports[1].name: Required value',
  ]],
  ['service type', 'Service', (o) => (spec(o).type = 'Magic'), ['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
]);

testUpdates([
  ['service clusterIP', 'Service', (o) => (spec(o).clusterIP = '10.96.0.2'), ['spec.clusterIP: Invalid value: "10.96.0.2": field is immutable']],
]);
