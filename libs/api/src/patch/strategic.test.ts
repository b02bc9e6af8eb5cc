import { describe, expect, it } from 'vitest';
import { isApiError } from '../errors.js';
import type { KubeObject } from '../types/meta.js';
import { applyPatch } from './index.js';

type Json = Record<string, unknown>;

/** A Pod whose spec exercises every merge-key family of PodSpec and Container. */
function pod(spec: Json = {}, extra: Json = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', finalizers: ['a', 'b'] }, spec, ...extra };
}
const smp = (obj: KubeObject, patch: unknown) => applyPatch(obj.kind, obj, patch, 'strategic');
const names = (list: unknown) => (list as { name: string }[]).map((c) => c.name);

describe('strategic merge: merge keys', () => {
  const containers = [
    {
      name: 'app', image: 'app:1',
      env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
      ports: [{ containerPort: 80, name: 'http' }],
      volumeMounts: [{ mountPath: '/data', name: 'data' }],
      volumeDevices: [{ devicePath: '/dev/x', name: 'blk' }],
    },
    { name: 'side', image: 'side:1' },
  ];
  const base = () => pod({
    containers,
    initContainers: [{ name: 'init', image: 'i:1' }],
    volumes: [{ name: 'data', emptyDir: {} }],
    imagePullSecrets: [{ name: 'reg' }],
    hostAliases: [{ ip: '10.0.0.1', hostnames: ['a'] }],
    tolerations: [{ key: 'k1', operator: 'Exists' }],
    topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }],
  }, { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }], podIPs: [{ ip: '10.244.0.5' }] } });

  const cases: { name: string; patch: Json; check: (o: KubeObject) => void }[] = [
    {
      name: 'containers by name',
      patch: { spec: { containers: [{ name: 'side', image: 'side:2' }] } },
      check: (o) => expect((o.spec as Json).containers).toEqual([containers[0], { name: 'side', image: 'side:2' }]),
    },
    {
      name: 'env by name inside a container',
      patch: { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: 'two' }] }] } },
      check: (o) => expect(at(o, 'spec.containers.0.env')).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'two' }]),
    },
    {
      name: 'ports by containerPort',
      patch: { spec: { containers: [{ name: 'app', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }] }] } },
      check: (o) => expect(at(o, 'spec.containers.0.ports')).toEqual([{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }]),
    },
    {
      name: 'volumeMounts by mountPath',
      patch: { spec: { containers: [{ name: 'app', volumeMounts: [{ mountPath: '/data', readOnly: true }] }] } },
      check: (o) => expect(at(o, 'spec.containers.0.volumeMounts')).toEqual([{ mountPath: '/data', name: 'data', readOnly: true }]),
    },
    {
      name: 'volumeDevices by devicePath',
      patch: { spec: { containers: [{ name: 'app', volumeDevices: [{ devicePath: '/dev/x', name: 'blk2' }] }] } },
      check: (o) => expect(at(o, 'spec.containers.0.volumeDevices')).toEqual([{ devicePath: '/dev/x', name: 'blk2' }]),
    },
    {
      name: 'initContainers by name',
      patch: { spec: { initContainers: [{ name: 'init', image: 'i:2' }] } },
      check: (o) => expect(at(o, 'spec.initContainers')).toEqual([{ name: 'init', image: 'i:2' }]),
    },
    {
      name: 'volumes by name',
      patch: { spec: { volumes: [{ name: 'cache', emptyDir: { medium: 'Memory' } }] } },
      check: (o) => expect(names(at(o, 'spec.volumes'))).toEqual(['cache', 'data']),
    },
    {
      name: 'imagePullSecrets by name',
      patch: { spec: { imagePullSecrets: [{ name: 'other' }] } },
      check: (o) => expect(names(at(o, 'spec.imagePullSecrets'))).toEqual(['other', 'reg']),
    },
    {
      name: 'hostAliases by ip',
      patch: { spec: { hostAliases: [{ ip: '10.0.0.1', hostnames: ['b'] }] } },
      check: (o) => expect(at(o, 'spec.hostAliases')).toEqual([{ ip: '10.0.0.1', hostnames: ['b'] }]),
    },
    {
      name: 'topologySpreadConstraints by topologyKey',
      patch: { spec: { topologySpreadConstraints: [{ topologyKey: 'zone', maxSkew: 2 }] } },
      check: (o) => expect(at(o, 'spec.topologySpreadConstraints')).toEqual([{ topologyKey: 'zone', maxSkew: 2, whenUnsatisfiable: 'DoNotSchedule' }]),
    },
    {
      name: 'tolerations are replaced, not merged',
      patch: { spec: { tolerations: [{ key: 'k2', operator: 'Exists' }] } },
      check: (o) => expect(at(o, 'spec.tolerations')).toEqual([{ key: 'k2', operator: 'Exists' }]),
    },
    {
      name: 'pod status conditions by type',
      patch: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      check: (o) => expect(at(o, 'status.conditions')).toEqual([{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }]),
    },
    {
      name: 'podIPs by ip',
      patch: { status: { podIPs: [{ ip: 'fd00::5' }] } },
      check: (o) => expect(at(o, 'status.podIPs')).toEqual([{ ip: 'fd00::5' }, { ip: '10.244.0.5' }]),
    },
    {
      name: 'finalizers merge as a set',
      patch: { metadata: { finalizers: ['b', 'c'] } },
      check: (o) => expect(o.metadata.finalizers).toEqual(['a', 'b', 'c']),
    },
  ];
  it.each(cases)('$name', ({ patch, check }) => {
    const original = base();
    const before = structuredClone(original);
    check(smp(original, patch));
    expect(original).toEqual(before);
  });
});

describe('strategic merge: directives', () => {
  const deployment = (): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, finalizers: ['a', 'b', 'c'] },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }, { name: 'c', image: 'c:1' }],
          volumes: [{ name: 'data', emptyDir: {} }],
        },
      },
    },
  });
  const cases: { name: string; patch: Json; path: string; want: unknown }[] = [
    { name: 'null deletes a field', patch: { metadata: { labels: { tier: null } } }, path: 'metadata.labels', want: { app: 'web' } },
    { name: '$patch: replace on a map', patch: { metadata: { labels: { $patch: 'replace', only: 'this' } } }, path: 'metadata.labels', want: { only: 'this' } },
    { name: '$patch: delete on a map empties it', patch: { spec: { strategy: { $patch: 'delete' } } }, path: 'spec.strategy', want: {} },
    { name: '$patch: merge on a map merges', patch: { metadata: { labels: { $patch: 'merge', x: 'y' } } }, path: 'metadata.labels', want: { app: 'web', tier: 'fe', x: 'y' } },
    {
      name: '$patch: delete on a list element',
      patch: { spec: { template: { spec: { containers: [{ $patch: 'delete', name: 'b' }] } } } },
      path: 'spec.template.spec.containers', want: [{ name: 'a', image: 'a:1' }, { name: 'c', image: 'c:1' }],
    },
    {
      name: '$patch: replace inside a list replaces the list',
      patch: { spec: { template: { spec: { containers: [{ name: 'z', image: 'z:1' }, { $patch: 'replace' }] } } } },
      path: 'spec.template.spec.containers', want: [{ name: 'z', image: 'z:1' }],
    },
    {
      name: '$setElementOrder reorders with the patched list',
      patch: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }], containers: [{ name: 'a', image: 'a:2' }] } } } },
      path: 'spec.template.spec.containers', want: [{ name: 'c', image: 'c:1' }, { name: 'a', image: 'a:2' }, { name: 'b', image: 'b:1' }],
    },
    {
      name: '$setElementOrder alone reorders the live list',
      patch: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }, { name: 'c' }] } } } },
      path: 'spec.template.spec.containers.*.name', want: ['b', 'a', 'c'],
    },
    {
      name: '$retainKeys clears the other members of a union',
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
      path: 'spec.strategy', want: { type: 'Recreate' },
    },
    {
      name: '$retainKeys inside a list element (volumes)',
      patch: { spec: { template: { spec: { volumes: [{ $retainKeys: ['hostPath', 'name'], name: 'data', hostPath: { path: '/srv' } }] } } } },
      path: 'spec.template.spec.volumes', want: [{ name: 'data', hostPath: { path: '/srv' } }],
    },
    {
      name: '$deleteFromPrimitiveList removes scalars',
      patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
      path: 'metadata.finalizers', want: ['a', 'c'],
    },
    {
      name: '$deleteFromPrimitiveList with additions and order',
      patch: { metadata: { '$setElementOrder/finalizers': ['d', 'a', 'c'], '$deleteFromPrimitiveList/finalizers': ['b'], finalizers: ['d'] } },
      path: 'metadata.finalizers', want: ['d', 'a', 'c'],
    },
    {
      name: 'a new list element goes before server-only ones (as in Kubernetes)',
      patch: { spec: { template: { spec: { containers: [{ name: 'new', image: 'n:1' }] } } } },
      path: 'spec.template.spec.containers.*.name', want: ['new', 'a', 'b', 'c'],
    },
    {
      name: 'directives inside a brand-new subtree are processed, not stored',
      patch: { spec: { template: { spec: { initContainers: [{ name: 'i', image: 'i', env: [{ name: 'X', value: null }] }, { $patch: 'delete', name: 'gone' }] } } } },
      path: 'spec.template.spec.initContainers', want: [{ name: 'i', image: 'i', env: [{ name: 'X' }] }],
    },
  ];
  it.each(cases)('$name', ({ patch, path, want }) => {
    const original = deployment();
    const before = structuredClone(original);
    expect(at(smp(original, patch), path)).toEqual(want);
    expect(original).toEqual(before);
  });

  const errors: { name: string; patch: unknown }[] = [
    { name: 'list element without the merge key', patch: { spec: { template: { spec: { containers: [{ image: 'x' }] } } } } },
    { name: 'delete without the merge key', patch: { spec: { template: { spec: { containers: [{ $patch: 'delete' }] } } } } },
    { name: 'unknown $patch value', patch: { metadata: { labels: { $patch: 'explode' } } } },
    { name: 'unknown directive', patch: { metadata: { $frob: 1 } } },
    { name: '$retainKeys not listing a set field', patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: { maxSurge: 2 } } } } },
    { name: '$setElementOrder missing a patched element', patch: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'b', image: 'b:2' }] } } } } },
    { name: 'non-object body', patch: [{ op: 'add' }] },
    { name: 'scalar in a keyed list', patch: { spec: { template: { spec: { containers: ['a'] } } } } },
  ];
  it.each(errors)('BadRequest: $name', ({ patch }) => {
    expect(() => smp(deployment(), patch)).toThrow();
    try {
      smp(deployment(), patch);
    } catch (err) {
      expect(isApiError(err, 'BadRequest')).toBe(true);
    }
  });
});

/** Read a dotted path; `*` maps the rest of the path over a list. */
function at(value: unknown, path: string): unknown {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') return value;
  const tail = rest.join('.');
  if (head === '*') return Array.isArray(value) ? value.map((el) => at(el, tail)) : undefined;
  const next = Array.isArray(value) ? value[Number(head)] : value !== null && typeof value === 'object' ? (value as Json)[head] : undefined;
  return at(next, tail);
}
