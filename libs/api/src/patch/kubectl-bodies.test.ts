/** The strategic merge patch bodies kubectl 1.32 actually sends, applied to realistic live objects. */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/meta.js';
import { applyPatch } from './index.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A Deployment as the server stores it after a first `kubectl apply` plus defaulting and a controller pass. */
function liveDeployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web', namespace: 'default', uid: 'u-1', resourceVersion: '41', generation: 1,
      labels: { app: 'web', tier: 'fe' },
      annotations: { [LAST_APPLIED]: '{"old":true}\n', 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
            },
            { name: 'sidecar', image: 'busybox', imagePullPolicy: 'Always' },
          ],
          volumes: [{ name: 'data', emptyDir: {} }],
          restartPolicy: 'Always',
        },
      },
    },
    status: { replicas: 2, observedGeneration: 1 },
  };
}

const cases: { name: string; body: unknown; want: (live: KubeObject) => KubeObject }[] = [
  {
    name: 'kubectl apply: 3-way patch that edits, deletes and reorders',
    body: {
      metadata: { annotations: { [LAST_APPLIED]: '{"new":true}\n' }, labels: { tier: null } },
      spec: {
        replicas: 3,
        strategy: { $retainKeys: ['type'], type: 'Recreate' },
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'web' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'A' }, { name: 'C' }],
                env: [{ name: 'C', value: '3' }, { $patch: 'delete', name: 'B' }],
                image: 'nginx:1.27',
                name: 'web',
              },
              { $patch: 'delete', name: 'sidecar' },
            ],
            '$setElementOrder/volumes': [{ name: 'data' }],
            volumes: [{ $retainKeys: ['hostPath', 'name'], emptyDir: null, hostPath: { path: '/srv' }, name: 'data' }],
          },
        },
      },
    },
    want: (live) => {
      const out = structuredClone(live);
      out.metadata.labels = { app: 'web' };
      out.metadata.annotations = { [LAST_APPLIED]: '{"new":true}\n', 'deployment.kubernetes.io/revision': '1' };
      const spec = out.spec as Record<string, unknown>;
      spec.replicas = 3;
      spec.strategy = { type: 'Recreate' };
      spec.template = {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{
            name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            env: [{ name: 'A', value: '1' }, { name: 'C', value: '3' }],
          }],
          volumes: [{ name: 'data', hostPath: { path: '/srv' } }],
          restartPolicy: 'Always',
        },
      };
      return out;
    },
  },
  {
    name: 'kubectl apply: adding a port and a container in manifest order',
    body: {
      metadata: { annotations: { [LAST_APPLIED]: '{}\n' } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'web' }, { name: 'metrics' }, { name: 'sidecar' }],
            containers: [
              { '$setElementOrder/ports': [{ containerPort: 80 }, { containerPort: 443 }], name: 'web', ports: [{ containerPort: 443 }] },
              { image: 'prom:1', name: 'metrics' },
            ],
          },
        },
      },
    },
    want: (live) => {
      const out = structuredClone(live);
      out.metadata.annotations = { ...out.metadata.annotations, [LAST_APPLIED]: '{}\n' };
      const pod = (out.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec;
      const [web, sidecar] = pod.containers;
      pod.containers = [
        { ...web, ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }] },
        { image: 'prom:1', name: 'metrics' },
        sidecar!,
      ];
      return out;
    },
  },
  {
    name: 'kubectl set image',
    body: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'web' }, { name: 'sidecar' }], containers: [{ image: 'nginx:1.28', name: 'web' }] } } } },
    want: (live) => {
      const out = structuredClone(live);
      const containers = (out.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers;
      containers[0]!.image = 'nginx:1.28';
      return out;
    },
  },
  {
    name: 'kubectl rollout restart',
    body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T10:00:00Z' } } } } },
    want: (live) => {
      const out = structuredClone(live);
      const template = (out.spec as { template: { metadata: Record<string, unknown> } }).template;
      template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T10:00:00Z' };
      return out;
    },
  },
  {
    name: 'kubectl patch (default strategic) of one container leaves the other alone',
    body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } } },
    want: (live) => {
      const out = structuredClone(live);
      const containers = (out.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers;
      containers[1]!.image = 'busybox:1.36';
      return out;
    },
  },
];

describe('kubectl strategic merge bodies on a Deployment', () => {
  it.each(cases)('$name', ({ body, want }) => {
    const live = liveDeployment();
    const out = applyPatch('Deployment', live, body, 'strategic');
    expect(out).toEqual(want(liveDeployment()));
    expect(live).toEqual(liveDeployment());
  });
});

describe('kubectl bodies on other kinds', () => {
  it('kubectl apply on a Service adds a port by port number', () => {
    const svc: KubeObject = {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] },
    };
    const body = { spec: { '$setElementOrder/ports': [{ port: 80 }, { port: 8443 }], ports: [{ name: 'https', port: 8443, targetPort: 443 }] } };
    expect(applyPatch('Service', svc, body, 'strategic').spec).toEqual({
      type: 'ClusterIP', clusterIP: '10.96.0.20',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }, { name: 'https', port: 8443, targetPort: 443 }],
    });
  });

  it('kubectl apply removing a finalizer and an ownerReference', () => {
    const cm: KubeObject = {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'c', finalizers: ['x/a', 'x/b'], ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u1' }] },
      data: { k: 'v' },
    };
    const body = {
      metadata: {
        '$setElementOrder/finalizers': ['x/a'], '$deleteFromPrimitiveList/finalizers': ['x/b'],
        ownerReferences: [{ $patch: 'delete', uid: 'u1' }],
      },
      data: { k: null, k2: 'v2' },
    };
    const out = applyPatch('ConfigMap', cm, body, 'strategic');
    expect(out.metadata).toEqual({ name: 'c', finalizers: ['x/a'], ownerReferences: [] });
    expect(out.data).toEqual({ k2: 'v2' });
  });
});
