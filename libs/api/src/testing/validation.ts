/**
 * Test-only (excluded from the build). Validation tests are table-driven: start from a valid,
 * defaulted object of each kind, break one thing, and expect exactly the Kubernetes-worded
 * `field: message` lines. Each validation/<rules>.test.ts holds the cases of the rules beside it;
 * the objects and the two table runners are here, so every file checks the same way.
 */
import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults/index.js';
import { resourceForKind } from '../registry.js';
import type { KubeObject } from '../types/meta.js';
import { fieldErrorMessage } from '../validation/field.js';
import { validateObject } from '../validation/index.js';

export type Body = Record<string, unknown>;
const container = { name: 'web', image: 'nginx:1' };
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } };

export const BASE: Record<string, KubeObject> = {
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [container] } },
  Service: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
  Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
  ConfigMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { 'a.conf': 'x' } },
  Secret: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { token: 'aGk=' } },
  Deployment: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template } },
  StatefulSet: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'st', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template } },
  Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' }, spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } } },
  CronJob: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [container], restartPolicy: 'OnFailure' } } } } } },
  Lease: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l', namespace: 'default' }, spec: { holderIdentity: 'a', leaseDurationSeconds: 15 } },
  Node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.244.1.0/24' } },
  Event: { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, type: 'Normal' },
  PersistentVolumeClaim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
  HorizontalPodAutoscaler: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'default' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'd' }, maxReplicas: 3 } },
  Ingress: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 80 } } } }] } }] } },
};

/** The kind's valid object, defaulted as stored, with one edit. */
export function make(kind: string, edit: (o: Body) => void = () => {}): KubeObject {
  const o = structuredClone(BASE[kind]!);
  applyDefaults(o);
  edit(o as Body);
  return o;
}

export function messages(obj: KubeObject, old?: KubeObject): string[] {
  const info = resourceForKind(obj.apiVersion, obj.kind)!;
  return validateObject(info, obj, old).map((e) => `${e.field}: ${fieldErrorMessage(e)}`);
}

// Bodies are edited through loosely typed paths on purpose: the point is to feed malformed input.
export const spec = (o: Body): Body => o.spec as Body;
export const c0 = (o: Body): Body => ((spec(o).containers as Body[])[0]!);
export const tplSpec = (o: Body): Body => ((spec(o).template as Body).spec as Body);

/** A table row: the case's name, the kind, the one edit to its valid object, the lines validation must give. */
export type ValidationCase = [name: string, kind: string, edit: (o: Body) => void, want: string[]];

/** Each case's edit of a valid, defaulted object, validated as a create. */
export function testCreates(cases: ValidationCase[]): void {
  describe('validateObject: create', () => {
    it.each<ValidationCase>(cases)('%s', (_name, kind, edit, want) => {
      expect(messages(make(kind, edit))).toEqual(want);
    });
  });
}

/** Each case's edit of a valid object as stored, validated as an update of it. */
export function testUpdates(cases: ValidationCase[]): void {
  describe('validateObject: update', () => {
    it.each<ValidationCase>(cases)('%s', (_name, kind, edit, want) => {
      // a stored Service has the clusterIP the apiserver allocated on create
      const old = make(kind, (o) => {
        if (kind === 'Service') spec(o).clusterIP = '10.96.0.1';
      });
      const now = structuredClone(old);
      edit(now as Body);
      expect(messages(now, old)).toEqual(want);
    });
  });
}
