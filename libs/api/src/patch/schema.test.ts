/** The per-kind patch schema, observed through strategic merge patches. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/meta.js';
import { applyPatch, isStrategicKind } from './index.js';

type Json = Record<string, unknown>;

/** Read a dotted path (list indexes are numbers). */
const get = (path: string) => (o: KubeObject): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Json | undefined)?.[k], o);

describe('patch schema: merge keys of kinds other than Pod', () => {
  const cases: { name: string; obj: KubeObject; patch: Json; pick: (o: KubeObject) => unknown; want: unknown }[] = [
    {
      name: 'Service ports by port',
      obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
      patch: { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
      pick: get('spec.ports'), want: [{ port: 80, targetPort: 9090 }, { port: 443 }],
    },
    {
      name: 'Node status addresses by type',
      obj: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'n' }] } },
      patch: { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.2' }] } },
      pick: get('status.addresses'), want: [{ type: 'InternalIP', address: '10.0.0.2' }, { type: 'Hostname', address: 'n' }],
    },
    {
      name: 'Node status conditions by type',
      obj: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'DiskPressure', status: 'False' }] } },
      patch: { status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } },
      pick: get('status.conditions'), want: [{ type: 'Ready', status: 'Unknown' }, { type: 'DiskPressure', status: 'False' }],
    },
    {
      name: 'Endpoints subsets are replaced',
      obj: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '1.1.1.1' }] }] },
      patch: { subsets: [{ addresses: [{ ip: '2.2.2.2' }] }] },
      pick: get('subsets'), want: [{ addresses: [{ ip: '2.2.2.2' }] }],
    },
    {
      name: 'ownerReferences by uid',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'a', uid: 'u1' }] } },
      patch: { metadata: { ownerReferences: [{ uid: 'u1', controller: true }, { apiVersion: 'v1', kind: 'X', name: 'b', uid: 'u2' }] } },
      pick: get('metadata.ownerReferences'),
      want: [{ apiVersion: 'v1', kind: 'X', name: 'a', uid: 'u1', controller: true }, { apiVersion: 'v1', kind: 'X', name: 'b', uid: 'u2' }],
    },
    {
      name: 'CronJob containers merge under spec.jobTemplate.spec.template.spec',
      obj: {
        apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj' },
        spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } } } },
      },
      patch: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } } } } },
      pick: get('spec.jobTemplate.spec.template.spec.containers'), want: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }],
    },
    {
      name: 'Deployment status conditions by type',
      obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, status: { conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True' }] } },
      patch: { status: { conditions: [{ type: 'Progressing', status: 'False' }] } },
      pick: get('status.conditions'), want: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'False' }],
    },
    {
      name: 'unknown kinds replace lists',
      obj: { apiVersion: 'x.io/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
      patch: { spec: { containers: [{ name: 'b', image: 'x' }] } },
      pick: get('spec.containers'), want: [{ name: 'b', image: 'x' }],
    },
  ];
  it.each(cases)('$name', ({ obj, patch, pick, want }) => {
    expect(pick(applyPatch(obj.kind, obj, patch, 'strategic'))).toEqual(want);
  });
});

describe('isStrategicKind', () => {
  it.each(['Deployment', 'Pod', 'CronJob', 'Lease', 'HorizontalPodAutoscaler'])('%s is built in', (kind) => expect(isStrategicKind(kind)).toBe(true));
  it.each(['Widget', 'toString', ''])('%s is not', (kind) => expect(isStrategicKind(kind)).toBe(false));
});
