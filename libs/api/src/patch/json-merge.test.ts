import { describe, expect, it } from 'vitest';
import { isApiError } from '../errors.js';
import type { KubeObject } from '../types/meta.js';
import { applyPatch } from './index.js';

const configMap = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cfg', namespace: 'default', labels: { app: 'web', tier: 'fe' } },
  data: { a: '1', b: '2' },
  list: [1, 2, 3],
});

describe('json patch (RFC 6902)', () => {
  const cases: { name: string; ops: unknown; expect: (o: KubeObject) => void }[] = [
    { name: 'replace', ops: [{ op: 'replace', path: '/data/a', value: 'x' }], expect: (o) => expect(o.data).toEqual({ a: 'x', b: '2' }) },
    { name: 'add new key', ops: [{ op: 'add', path: '/data/c', value: '3' }], expect: (o) => expect(o.data).toMatchObject({ c: '3' }) },
    { name: 'remove', ops: [{ op: 'remove', path: '/metadata/labels/tier' }], expect: (o) => expect(o.metadata.labels).toEqual({ app: 'web' }) },
    { name: 'append to array', ops: [{ op: 'add', path: '/list/-', value: 4 }], expect: (o) => expect(o.list).toEqual([1, 2, 3, 4]) },
    { name: 'escaped key', ops: [{ op: 'add', path: '/metadata/labels/example.com~1x', value: 'y' }], expect: (o) => expect(o.metadata.labels?.['example.com/x']).toBe('y') },
    { name: 'test then replace', ops: [{ op: 'test', path: '/data/a', value: '1' }, { op: 'replace', path: '/data/a', value: 'z' }], expect: (o) => expect(o.data).toMatchObject({ a: 'z' }) },
    { name: 'move', ops: [{ op: 'move', from: '/data/a', path: '/data/z' }], expect: (o) => expect(o.data).toEqual({ b: '2', z: '1' }) },
  ];
  it.each(cases)('$name', ({ ops, expect: check }) => {
    const original = configMap();
    const before = structuredClone(original);
    check(applyPatch('ConfigMap', original, ops, 'json'));
    expect(original).toEqual(before);
  });

  const failures: { name: string; ops: unknown; code: 'BadRequest' | 'Invalid'; message?: RegExp }[] = [
    { name: 'failed test is Invalid', ops: [{ op: 'test', path: '/data/a', value: 'nope' }], code: 'Invalid', message: /testing value \/data\/a failed/ },
    { name: 'missing path is Invalid', ops: [{ op: 'replace', path: '/spec/replicas', value: 1 }], code: 'Invalid', message: /doc is missing path/ },
    { name: 'remove missing is Invalid', ops: [{ op: 'remove', path: '/data/nope' }], code: 'Invalid' },
    { name: 'not an array', ops: { op: 'add' }, code: 'BadRequest' },
    { name: 'unknown op', ops: [{ op: 'frobnicate', path: '/a' }], code: 'BadRequest' },
    { name: 'add without value', ops: [{ op: 'add', path: '/data/x' }], code: 'BadRequest' },
    { name: 'removing metadata', ops: [{ op: 'remove', path: '/metadata' }], code: 'Invalid' },
  ];
  it.each(failures)('$name', ({ ops, code, message }) => {
    const original = configMap();
    const before = structuredClone(original);
    let caught: unknown;
    try {
      applyPatch('ConfigMap', original, ops, 'json');
    } catch (err) {
      caught = err;
    }
    expect(isApiError(caught, code)).toBe(true);
    if (message) expect((caught as Error).message).toMatch(message);
    expect(original).toEqual(before);
  });

  it('kubectl rollout undo body replaces the template and annotations', () => {
    const deploy: KubeObject = {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2' } },
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v2' }] } } },
    };
    const body = [
      { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v1' }] } } },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '1' } },
    ];
    const out = applyPatch('Deployment', deploy, body, 'json');
    expect(out.spec).toEqual({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'v1' }] } } });
    expect(out.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
  });
});

describe('merge patch (RFC 7396)', () => {
  const cases: { name: string; patch: unknown; want: Partial<KubeObject> }[] = [
    { name: 'kubectl label', patch: { metadata: { labels: { env: 'prod' } } }, want: { metadata: { name: 'cfg', namespace: 'default', labels: { app: 'web', tier: 'fe', env: 'prod' } } } },
    { name: 'null deletes', patch: { metadata: { labels: { tier: null } }, data: { b: null } }, want: { metadata: { name: 'cfg', namespace: 'default', labels: { app: 'web' } }, data: { a: '1' } } },
    { name: 'arrays replace', patch: { list: [9] }, want: { list: [9] } },
    { name: 'object replaces scalar', patch: { list: { x: 1, y: null } }, want: { list: { x: 1 } } },
    { name: 'null on missing key is a no-op', patch: { nothing: null }, want: { data: { a: '1', b: '2' } } },
  ];
  it.each(cases)('$name', ({ patch, want }) => {
    const original = configMap();
    const before = structuredClone(original);
    expect(applyPatch('ConfigMap', original, patch, 'merge')).toMatchObject(want);
    expect(original).toEqual(before);
  });

  it('kubectl scale body sets replicas', () => {
    const scale: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 1 } };
    expect(applyPatch('Scale', scale, { spec: { replicas: 4 } }, 'merge').spec).toEqual({ replicas: 4 });
  });

  it('rejects a body that is not an object', () => {
    expect(() => applyPatch('ConfigMap', configMap(), [1], 'merge')).toThrow(/must be a JSON object/);
  });

  it('result shares nothing with the patch body', () => {
    const patch = { data: { nested: { deep: 'x' } } };
    const out = applyPatch('ConfigMap', configMap(), patch, 'merge');
    (out.data as { nested: { deep: string } }).nested.deep = 'changed';
    expect(patch.data.nested.deep).toBe('x');
  });
});
