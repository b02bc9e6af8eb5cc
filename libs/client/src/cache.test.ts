import type { KubeObject } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { ObjectStore } from './cache.js';

function cm(name: string, rv: string, namespace = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, resourceVersion: rv } };
}

describe('ObjectStore', () => {
  it('keys by namespace/name and lists by namespace', () => {
    const s = new ObjectStore();
    s.upsert(cm('a', '1'));
    s.upsert(cm('b', '2', 'other'));
    s.upsert({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    expect(s.get('default/a')?.metadata.resourceVersion).toBe('1');
    expect(s.get('n1')?.kind).toBe('Node');
    expect(s.list('other').map((o) => o.metadata.name)).toEqual(['b']);
    expect(s.list()).toHaveLength(3);
    expect(s.upsert(cm('a', '3'))?.metadata.resourceVersion).toBe('1');
    expect(s.remove('default/a')?.metadata.resourceVersion).toBe('3');
    expect(s.get('default/a')).toBeUndefined();
  });

  it('replace() reports added, changed and vanished objects', () => {
    const s = new ObjectStore();
    s.replace([cm('keep', '1'), cm('change', '1'), cm('gone', '1')]);
    const diff = s.replace([cm('keep', '1'), cm('change', '2'), cm('new', '3')]);
    expect(diff.added.map((o) => o.metadata.name)).toEqual(['new']);
    expect(diff.updated.map((u) => [u.old.metadata.resourceVersion, u.obj.metadata.resourceVersion])).toEqual([['1', '2']]);
    expect(diff.deleted.map((o) => o.metadata.name)).toEqual(['gone']);
    expect(s.list().map((o) => o.metadata.name).sort()).toEqual(['change', 'keep', 'new']);
  });
});
