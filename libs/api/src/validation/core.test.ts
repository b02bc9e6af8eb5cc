/** The small core kinds' rules (core.ts): Lease, Node, Event. */
import type { Body } from '../testing/validation.js';
import { spec, testCreates } from '../testing/validation.js';

testCreates([
  ['lease duration', 'Lease', (o) => (spec(o).leaseDurationSeconds = 0), ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
  ['node podCIDR', 'Node', (o) => (spec(o).podCIDR = '10.244.1.0'), ['spec.podCIDR: Invalid value: "10.244.1.0": must be a valid CIDR']],
  ['event namespace', 'Event', (o) => ((o.involvedObject as Body).namespace = 'other'), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']],
]);
