import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/meta.js';
import { imageTag } from './container.js';
import { applyDefaults } from './index.js';

function obj(apiVersion: string, kind: string, body: Record<string, unknown>, name = 'x'): KubeObject {
  return { apiVersion, kind, metadata: { name }, ...body };
}

const pod = (spec: Record<string, unknown>): KubeObject => obj('v1', 'Pod', { spec });
const c = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name: 'c', image: 'nginx:1', ...extra });

/** Read a dotted/indexed path (`spec.containers[0].image`) out of an object. */
function at(o: unknown, path: string): unknown {
  return path
    .split(/\.|(?=\[)/)
    .reduce<unknown>((cur, part) => {
      if (cur === null || typeof cur !== 'object') return undefined;
      const key = part.startsWith('[') ? part.slice(1, -1) : part;
      return (cur as Record<string, unknown>)[key];
    }, o);
}

describe('imageTag', () => {
  it.each([
    ['nginx', 'latest'],
    ['nginx:1.15', '1.15'],
    ['localhost:5000/nginx', 'latest'],
    ['localhost:5000/nginx:v2', 'v2'],
    ['nginx@sha256:abc', ''],
    ['nginx:1@sha256:abc', '1'],
  ])('%s → %j', (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe('applyDefaults', () => {
  it.each<[string, KubeObject, string, unknown]>([
    ['pull Always for latest', pod({ containers: [c({ image: 'nginx:latest' })] }), 'spec.containers[0].imagePullPolicy', 'Always'],
    ['pull IfNotPresent for a digest', pod({ containers: [c({ image: 'nginx@sha256:0' })] }), 'spec.containers[0].imagePullPolicy', 'IfNotPresent'],
    ['keeps a given pull policy', pod({ containers: [c({ imagePullPolicy: 'Never' })] }), 'spec.containers[0].imagePullPolicy', 'Never'],
    ['probe timeout', pod({ containers: [c({ livenessProbe: { tcpSocket: { port: 80 } } })] }), 'spec.containers[0].livenessProbe', {
      tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3,
    }],
    ['httpGet path and scheme', pod({ containers: [c({ readinessProbe: { httpGet: { port: 80 } } })] }), 'spec.containers[0].readinessProbe.httpGet', { port: 80, path: '/', scheme: 'HTTP' }],
    ['env fieldRef apiVersion', pod({ containers: [c({ env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })] }), 'spec.containers[0].env[0].valueFrom.fieldRef.apiVersion', 'v1'],
    ['resourceFieldRef divisor', pod({ containers: [c({ env: [{ name: 'N', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }] })] }), 'spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor', '0'],
    ['requests from limits (Pod only)', pod({ containers: [c({ resources: { limits: { cpu: 1, memory: '1Gi' }, requests: { cpu: '500m' } } })] }), 'spec.containers[0].resources', {
      limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' },
    }],
    ['hostNetwork ports', pod({ hostNetwork: true, containers: [c({ ports: [{ containerPort: 8080 }] })] }), 'spec.containers[0].ports[0]', { containerPort: 8080, hostPort: 8080, protocol: 'TCP' }],
    ['no volume source means emptyDir', pod({ containers: [c()], volumes: [{ name: 'v' }] }), 'spec.volumes[0]', { name: 'v', emptyDir: {} }],
    ['configMap defaultMode', pod({ containers: [c()], volumes: [{ name: 'v', configMap: { name: 'm' } }] }), 'spec.volumes[0].configMap.defaultMode', 420],
    ['secret defaultMode', pod({ containers: [c()], volumes: [{ name: 'v', secret: { secretName: 's' } }] }), 'spec.volumes[0].secret.defaultMode', 420],
    ['downwardAPI items', pod({ containers: [c()], volumes: [{ name: 'v', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.labels' } }] } }] }), 'spec.volumes[0].downwardAPI', {
      defaultMode: 420, items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }],
    }],
    ['projected token', pod({ containers: [c()], volumes: [{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } }] }), 'spec.volumes[0].projected', {
      defaultMode: 420, sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }],
    }],
    ['a toleration for all NoExecute suffices', pod({ containers: [c()], tolerations: [{ operator: 'Exists' }] }), 'spec.tolerations', [{ operator: 'Exists' }]],
    ['qos Guaranteed', pod({ containers: [c({ resources: { limits: { cpu: '1', memory: '1Gi' } } })] }), 'status.qosClass', 'Guaranteed'],
    ['qos Burstable', pod({ containers: [c({ resources: { requests: { cpu: '1' } } })] }), 'status.qosClass', 'Burstable'],
    // the apiserver's create strategy has already started the status: the class still comes
    ['qos on a status started Pending', obj('v1', 'Pod', { spec: { containers: [c()] }, status: { phase: 'Pending' } }), 'status', { phase: 'Pending', qosClass: 'BestEffort' }],
    ['qos kept', obj('v1', 'Pod', { spec: { containers: [c()] }, status: { phase: 'Running', qosClass: 'Burstable' } }), 'status.qosClass', 'Burstable'],
    ['a status that is not an object is left for validation to name', obj('v1', 'Pod', { spec: { containers: [c()] }, status: 'x' }), 'status', 'x'],
    ['template gets no Pod-only defaults', obj('apps/v1', 'ReplicaSet', { spec: { template: { spec: { containers: [c({ resources: { limits: { cpu: '1' } } })] } } } }), 'spec.template.spec.enableServiceLinks', undefined],
    ['template limits stay alone', obj('apps/v1', 'ReplicaSet', { spec: { template: { spec: { containers: [c({ resources: { limits: { cpu: '1' } } })] } } } }), 'spec.template.spec.containers[0].resources', { limits: { cpu: '1' } }],
    ['replicaset replicas', obj('apps/v1', 'ReplicaSet', { spec: {} }), 'spec.replicas', 1],
    ['Recreate gets no rollingUpdate', obj('apps/v1', 'Deployment', { spec: { strategy: { type: 'Recreate' } } }), 'spec.strategy', { type: 'Recreate' }],
    ['service NodePort', obj('v1', 'Service', { spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] } }), 'spec', {
      type: 'NodePort', ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'],
    }],
    ['service ExternalName', obj('v1', 'Service', { spec: { type: 'ExternalName', externalName: 'example.com' } }), 'spec', {
      type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None',
    }],
    ['service ClientIP timeout', obj('v1', 'Service', { spec: { sessionAffinity: 'ClientIP' } }), 'spec.sessionAffinityConfig', { clientIP: { timeoutSeconds: 10800 } }],
    ['headless without selector', obj('v1', 'Service', { spec: { clusterIP: 'None' } }), 'spec.ipFamilyPolicy', 'RequireDualStack'],
    ['job', obj('batch/v1', 'Job', { spec: { template: { metadata: { labels: { a: 'b' } }, spec: { restartPolicy: 'Never', containers: [c()] } } } }), 'spec', {
      completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
      template: { metadata: { labels: { a: 'b' } }, spec: expect.objectContaining({ restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' }) },
    }],
    ['job labels from template', obj('batch/v1', 'Job', { spec: { template: { metadata: { labels: { a: 'b' } } } } }), 'metadata.labels', { a: 'b' }],
    ['job parallelism only', obj('batch/v1', 'Job', { spec: { parallelism: 3 } }), 'spec.completions', undefined],
    ['job pod failure policy', obj('batch/v1', 'Job', { spec: { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } } }), 'spec', expect.objectContaining({
      podReplacementPolicy: 'Failed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] },
    })],
    ['cronjob', obj('batch/v1', 'CronJob', { spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [c()] } } } } } }), 'spec', expect.objectContaining({
      concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: expect.objectContaining({ restartPolicy: 'Always' }) } } },
    })],
    ['secret type', obj('v1', 'Secret', {}), 'type', 'Opaque'],
    ['namespace', obj('v1', 'Namespace', {}, 'team'), '', expect.objectContaining({
      metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' },
    })],
    ['pvc', obj('v1', 'PersistentVolumeClaim', { spec: { resources: { requests: { storage: '1Gi' } } } }), '', expect.objectContaining({
      spec: { volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' },
    })],
    ['node allocatable', obj('v1', 'Node', { status: { capacity: { cpu: 4, pods: '110' } } }), 'status.allocatable', { cpu: '4', pods: '110' }],
    ['endpoints port protocol', obj('v1', 'Endpoints', { subsets: [{ ports: [{ port: 80 }] }] }), 'subsets[0].ports[0].protocol', 'TCP'],
    ['hpa', obj('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } }), 'spec', {
      maxReplicas: 5, minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
        scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    }],
  ])('%s', (_name, input, path, want) => {
    const out = applyDefaults(input);
    expect(path ? at(out, path) : out).toEqual(want);
  });

  it('leaves malformed bodies alone instead of throwing', () => {
    expect(() => applyDefaults(pod({ containers: 'nope', volumes: [null, 3] }))).not.toThrow();
    expect(() => applyDefaults(obj('apps/v1', 'Deployment', { spec: [] }))).not.toThrow();
    expect(() => applyDefaults(obj('v1', 'Service', { spec: { ports: [1] } }))).not.toThrow();
  });

  it('passes unknown kinds through untouched', () => {
    const o = obj('example.com/v1', 'Widget', { spec: {} });
    expect(applyDefaults(structuredClone(o))).toEqual(o);
  });
});
