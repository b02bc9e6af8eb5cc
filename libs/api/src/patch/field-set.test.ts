import { describe, expect, it } from 'vitest';
import { changedFields } from './field-diff.js';
import { formatPath, removeAt, valueAt } from './field-path.js';
import { FieldSet } from './field-set.js';
import { fieldsOf } from './field-walk.js';
import { fieldsV1Of } from './fields-v1.js';
import { schemaForKind } from './schema.js';

const pod = {
  metadata: { labels: { app: 'web' }, finalizers: ['a'] },
  spec: {
    containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], args: ['-x'] }],
    tolerations: [{ key: 'k' }],
    securityContext: {},
  },
};
const schema = schemaForKind('Pod');

describe('field sets', () => {
  it('collect leaves, keyed elements and set values per schema', () => {
    expect([...fieldsOf(pod, schema)].map(formatPath)).toEqual([
      '.metadata.labels.app',
      '.metadata.finalizers[="a"]',
      '.spec.containers[name="web"]',
      '.spec.containers[name="web"].name',
      '.spec.containers[name="web"].image',
      '.spec.containers[name="web"].ports[containerPort=80]',
      '.spec.containers[name="web"].ports[containerPort=80].containerPort',
      '.spec.containers[name="web"].args',
      '.spec.tolerations',
      '.spec.securityContext',
    ]);
  });

  it('round-trip through FieldsV1, with "." on members that have children', () => {
    const v1 = fieldsOf(pod, schema).toFieldsV1();
    expect(v1).toMatchObject({
      'f:spec': {
        'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:args': {}, 'f:ports': { 'k:{"containerPort":80}': { '.': {}, 'f:containerPort': {} } } } },
        'f:tolerations': {},
      },
      'f:metadata': { 'f:finalizers': { 'v:"a"': {} } },
    });
    const back = FieldSet.fromFieldsV1(v1);
    expect(back.size).toBe(fieldsOf(pod, schema).size);
    expect(back.minus(fieldsOf(pod, schema)).size).toBe(0);
  });

  it('navigate and remove by path', () => {
    const copy = structuredClone(pod);
    const port = ['f:spec', 'f:containers', 'k:{"name":"web"}', 'f:ports', 'k:{"containerPort":80}'];
    expect(valueAt(copy, port)).toEqual({ found: true, value: { containerPort: 80 } });
    removeAt(copy, port);
    expect(copy.spec.containers[0]?.ports).toEqual([]);
    removeAt(copy, ['f:metadata', 'f:finalizers', 'v:"a"']);
    expect(copy.metadata.finalizers).toEqual([]);
    expect(valueAt(copy, ['f:spec', 'f:nope']).found).toBe(false);
  });

  it('changedFields reports new and modified leaves, not unchanged ones', () => {
    const next = structuredClone(pod);
    next.spec.containers[0]!.image = 'nginx:2';
    next.spec.containers.push({ name: 'side', image: 'b', ports: [], args: [] });
    expect([...changedFields(pod, next, schema)].map(formatPath)).toEqual([
      '.spec.containers[name="web"].image',
      '.spec.containers[name="side"]',
      '.spec.containers[name="side"].name',
      '.spec.containers[name="side"].image',
      '.spec.containers[name="side"].ports',
      '.spec.containers[name="side"].args',
    ]);
  });
});

describe('fieldsV1Of', () => {
  const keepAll = () => true;
  const duplicateKeys = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'a', args: ['y'] }] } };
  const samples: [string, unknown][] = [
    ['a pod with lists, sets and an empty object', pod],
    ['a keyed list with a duplicate key', duplicateKeys],
    ['scalars only', { a: 1, b: 'x', c: null, d: [] }],
  ];
  for (const [what, value] of samples) {
    it(`equals fieldsOf(...).toFieldsV1() for ${what}`, () => {
      expect(fieldsV1Of(value, schema, keepAll)).toEqual(fieldsOf(value, schema).toFieldsV1());
    });
  }

  it('writes keys sorted, with "." on members that have children', () => {
    const v1 = fieldsV1Of({ spec: { containers: [{ name: 'w', image: 'i' }] }, metadata: { labels: { b: '1', a: '2' } } }, schema, keepAll);
    expect(JSON.stringify(v1)).toBe('{"f:metadata":{"f:labels":{"f:a":{},"f:b":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"w\\"}":{".":{},"f:image":{},"f:name":{}}}}}');
  });

  it('drops what keep refuses at the first two levels, and parents left empty', () => {
    const keep = (seg: string, parent: string | undefined) => !(parent === 'f:metadata' && seg === 'f:name') && seg !== 'f:kind';
    expect(fieldsV1Of({ kind: 'Pod', metadata: { name: 'x' }, spec: { a: 1 } }, schema, keep)).toEqual({ 'f:spec': { 'f:a': {} } });
  });
});
