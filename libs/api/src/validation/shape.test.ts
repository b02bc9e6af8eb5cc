/** Structural checks (shape.ts): a mistyped field is reported before any kind rule runs. */
import { c0, spec, testCreates } from '../testing/validation.js';

testCreates([
  ['containers must be an array', 'Pod', (o) => (spec(o).containers = { name: 'x' }), ['spec.containers: Invalid value: {"name":"x"}: must be of type array']],
  ['numbers are numbers', 'Deployment', (o) => (spec(o).replicas = 'three'), ['spec.replicas: Invalid value: "three": must be of type integer']],
  ['spec is an object', 'Service', (o) => (o.spec = 'x'), ['spec: Invalid value: "x": must be of type object']],
  ['bad quantity', 'Pod', (o) => (c0(o).resources = { limits: { cpu: 'lots' } }), [
    "spec.containers[0].resources.limits[cpu]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ]],
]);
