import { describe, expect, it } from 'vitest';
import { formatObjects, kindName, resourceName, toJson, toYaml } from './objects.js';

const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };

describe('object output', () => {
  it('names kinds and resources as kubectl does', () => {
    expect(kindName({ kind: 'Deployment', group: 'apps' })).toBe('deployment.apps');
    expect(kindName({ kind: 'Pod', group: '' })).toBe('pod');
    expect(resourceName({ resource: 'deployments', group: 'apps' })).toBe('deployments.apps');
  });

  it('prints JSON with sorted keys and four-space indentation', () => {
    expect(toJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{\n    "a": {\n        "c": 3,\n        "d": 2\n    },\n    "b": 1\n}\n');
  });

  it('prints YAML with sorted keys, unindented sequences and no folding', () => {
    const long = 'x'.repeat(120);
    const text = toYaml({ spec: { containers: [{ name: 'c', image: 'nginx' }] }, apiVersion: 'v1', long });
    expect(text).toBe(`apiVersion: v1\nlong: ${long}\nspec:\n  containers:\n  - image: nginx\n    name: c\n`);
  });

  it('prints one object as itself and several as a v1 List', () => {
    const info = () => ({ kind: 'Deployment', group: 'apps' });
    expect(JSON.parse(formatObjects([deploy], 'json', info, true))).toEqual(deploy);
    const list = JSON.parse(formatObjects([deploy, deploy], 'json', info, false)) as { kind: string; items: unknown[] };
    expect(list.kind).toBe('List');
    expect(list.items).toHaveLength(2);
    expect(formatObjects([deploy], 'name', info, true)).toBe('deployment.apps/web\n');
  });
});
