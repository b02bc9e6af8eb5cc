/** ConfigMap and Secret rules (config.ts), `immutable` included. */
import { describe, expect, it } from 'vitest';
import { make, messages, testCreates } from '../testing/validation.js';

testCreates([
  ['configmap key', 'ConfigMap', (o) => (o.data = { 'a b': 'x' }), [
    `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
  ]],
  ['secret base64', 'Secret', (o) => (o.data = { token: 'not base64!' }), ['data[token]: Invalid value: "<value omitted>": must be base64-encoded']],
  ['tls secret keys', 'Secret', (o) => (o.type = 'kubernetes.io/tls'), ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
]);

describe('validateObject: update', () => {
  it.each(['ConfigMap', 'Secret'])('%s with immutable: true keeps its data and flag', (kind) => {
    const old = make(kind, (o) => (o.immutable = true));
    const now = make(kind, (o) => { o.immutable = false; o.data = { other: 'eA==' }; });
    expect(messages(now, old)).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
