/** ObjectMeta rules (meta.ts), with the name format each kind's entry in index.ts picks. */
import type { Body } from '../testing/validation.js';
import { testCreates, testUpdates } from '../testing/validation.js';

testCreates([
  ['bad name', 'Pod', (o) => ((o.metadata as Body).name = 'Web_1'), [
    `metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  ]],
  ['name or generateName', 'Pod', (o) => delete (o.metadata as Body).name, ['metadata.name: Required value: name or generateName is required']],
  ['generateName suffices', 'Pod', (o) => { delete (o.metadata as Body).name; (o.metadata as Body).generateName = 'web-'; }, []],
  ['namespace required', 'Pod', (o) => delete (o.metadata as Body).namespace, ['metadata.namespace: Required value']],
  ['namespace forbidden', 'Node', (o) => ((o.metadata as Body).namespace = 'default'), ['metadata.namespace: Forbidden: not allowed on this type']],
  ['namespace name is a label', 'Namespace', (o) => ((o.metadata as Body).name = 'a.b'), [
    `metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
  ]],
  ['service name is RFC 1035', 'Service', (o) => ((o.metadata as Body).name = '1svc'), [
    `metadata.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
  ]],
  ['label value', 'Pod', (o) => ((o.metadata as Body).labels = { app: 'a b' }), [
    `metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  ]],
  ['annotations size', 'Pod', (o) => ((o.metadata as Body).annotations = { a: 'x'.repeat(262144) }), ['metadata.annotations: Too long: must have at most 262144 bytes']],
]);

testUpdates([
  ['name is immutable', 'ConfigMap', (o) => ((o.metadata as Body).name = 'other'), ['metadata.name: Invalid value: "other": field is immutable']],
]);
