/** Body shapes per kind (everything but metadata), keyed `apiVersion/Kind`. */
import { S, resourceList, stringMap, strings, type Shape } from '../shape.js';
import { conditions, labelSelector, objectMeta, objectReference } from './meta.js';
import { podSpec, podStatus, podTemplate } from './pod.js';

const pvcSpec = S.obj({
  accessModes: strings, selector: labelSelector, resources: S.obj({ limits: resourceList, requests: resourceList }),
  volumeName: S.str, storageClassName: S.str, volumeMode: S.str,
});
const rollingUpdate = S.obj({ maxUnavailable: S.intOrStr, maxSurge: S.intOrStr, partition: S.int });
const strategy = S.obj({ type: S.str, rollingUpdate });
const workload = {
  replicas: S.int, selector: labelSelector, template: podTemplate, minReadySeconds: S.int, revisionHistoryLimit: S.int,
};
const jobSpec = S.obj({
  parallelism: S.int, completions: S.int, activeDeadlineSeconds: S.int, backoffLimit: S.int, backoffLimitPerIndex: S.int,
  maxFailedIndexes: S.int, selector: labelSelector, manualSelector: S.bool, template: podTemplate,
  ttlSecondsAfterFinished: S.int, completionMode: S.str, suspend: S.bool, podReplacementPolicy: S.str,
  podFailurePolicy: S.obj({ rules: S.arr(S.obj({ action: S.str, onExitCodes: S.obj({ containerName: S.str, operator: S.str, values: S.arr(S.int) }), onPodConditions: S.arr(S.obj({ type: S.str, status: S.str })) })) }),
});
const metricTarget = S.obj({ type: S.str, value: S.quantity, averageValue: S.quantity, averageUtilization: S.int });
const metricId = S.obj({ name: S.str, selector: labelSelector });
const scalingRules = S.obj({
  stabilizationWindowSeconds: S.int, selectPolicy: S.str,
  policies: S.arr(S.obj({ type: S.str, value: S.int, periodSeconds: S.int })),
});
const ingressBackend = S.obj({
  service: S.obj({ name: S.str, port: S.obj({ name: S.str, number: S.int }) }),
  resource: S.obj({ apiGroup: S.str, kind: S.str, name: S.str }),
});
const endpointAddress = S.arr(S.obj({ ip: S.str, hostname: S.str, nodeName: S.str, targetRef: objectReference }));

export const BODY_SHAPES: ReadonlyMap<string, Readonly<Record<string, Shape>>> = new Map<string, Readonly<Record<string, Shape>>>([
  ['v1/Namespace', { spec: S.obj({ finalizers: strings }), status: S.obj({ phase: S.str, conditions }) }],
  ['v1/Node', {
    spec: S.obj({ podCIDR: S.str, podCIDRs: strings, providerID: S.str, unschedulable: S.bool, taints: S.arr(S.obj({ key: S.str, value: S.str, effect: S.str, timeAdded: S.str })) }),
    status: S.obj({ capacity: resourceList, allocatable: resourceList, phase: S.str, conditions, addresses: S.arr(S.obj({ type: S.str, address: S.str })), nodeInfo: S.map(S.str) }),
  }],
  ['v1/Pod', { spec: podSpec, status: podStatus }],
  ['v1/Service', {
    spec: S.obj({
      ports: S.arr(S.obj({ name: S.str, protocol: S.str, appProtocol: S.str, port: S.int, targetPort: S.intOrStr, nodePort: S.int })),
      selector: stringMap, clusterIP: S.str, clusterIPs: strings, type: S.str, externalIPs: strings, sessionAffinity: S.str,
      loadBalancerIP: S.str, loadBalancerSourceRanges: strings, externalName: S.str, externalTrafficPolicy: S.str,
      healthCheckNodePort: S.int, publishNotReadyAddresses: S.bool, sessionAffinityConfig: S.obj({ clientIP: S.obj({ timeoutSeconds: S.int }) }),
      ipFamilies: strings, ipFamilyPolicy: S.str, allocateLoadBalancerNodePorts: S.bool, loadBalancerClass: S.str, internalTrafficPolicy: S.str,
    }),
    status: S.obj({ loadBalancer: S.obj({ ingress: S.arr(S.obj({ ip: S.str, hostname: S.str })) }), conditions }),
  }],
  ['v1/Endpoints', {
    subsets: S.arr(S.obj({ addresses: endpointAddress, notReadyAddresses: endpointAddress, ports: S.arr(S.obj({ name: S.str, port: S.int, protocol: S.str, appProtocol: S.str })) })),
  }],
  ['v1/ConfigMap', { data: stringMap, binaryData: stringMap, immutable: S.bool }],
  ['v1/Secret', { data: stringMap, stringData: stringMap, type: S.str, immutable: S.bool }],
  ['v1/Event', {
    involvedObject: objectReference, related: objectReference, reason: S.str, message: S.str, count: S.int, type: S.str,
    source: S.obj({ component: S.str, host: S.str }), firstTimestamp: S.str, lastTimestamp: S.str, eventTime: S.str,
    series: S.obj({ count: S.int, lastObservedTime: S.str }), action: S.str, reportingComponent: S.str, reportingInstance: S.str,
  }],
  ['v1/PersistentVolumeClaim', { spec: pvcSpec, status: S.obj({ phase: S.str, accessModes: strings, capacity: resourceList, conditions }) }],
  ['apps/v1/Deployment', { spec: S.obj({ ...workload, strategy, paused: S.bool, progressDeadlineSeconds: S.int }) }],
  ['apps/v1/ReplicaSet', { spec: S.obj(workload) }],
  ['apps/v1/StatefulSet', {
    spec: S.obj({
      ...workload, serviceName: S.str, podManagementPolicy: S.str, updateStrategy: strategy,
      volumeClaimTemplates: S.arr(S.obj({ apiVersion: S.str, kind: S.str, metadata: objectMeta, spec: pvcSpec })),
      persistentVolumeClaimRetentionPolicy: S.obj({ whenDeleted: S.str, whenScaled: S.str }), ordinals: S.obj({ start: S.int }),
    }),
  }],
  ['apps/v1/DaemonSet', { spec: S.obj({ ...workload, updateStrategy: strategy }) }],
  ['batch/v1/Job', { spec: jobSpec }],
  ['batch/v1/CronJob', {
    spec: S.obj({
      schedule: S.str, timeZone: S.str, startingDeadlineSeconds: S.int, concurrencyPolicy: S.str, suspend: S.bool,
      jobTemplate: S.obj({ metadata: objectMeta, spec: jobSpec }), successfulJobsHistoryLimit: S.int, failedJobsHistoryLimit: S.int,
    }),
  }],
  ['autoscaling/v2/HorizontalPodAutoscaler', {
    spec: S.obj({
      scaleTargetRef: S.obj({ kind: S.str, name: S.str, apiVersion: S.str }), minReplicas: S.int, maxReplicas: S.int,
      metrics: S.arr(S.obj({
        type: S.str,
        resource: S.obj({ name: S.str, target: metricTarget }),
        containerResource: S.obj({ name: S.str, container: S.str, target: metricTarget }),
        pods: S.obj({ metric: metricId, target: metricTarget }),
        object: S.obj({ describedObject: S.obj({ kind: S.str, name: S.str, apiVersion: S.str }), metric: metricId, target: metricTarget }),
        external: S.obj({ metric: metricId, target: metricTarget }),
      })),
      behavior: S.obj({ scaleUp: scalingRules, scaleDown: scalingRules }),
    }),
  }],
  ['networking.k8s.io/v1/Ingress', {
    spec: S.obj({
      ingressClassName: S.str, defaultBackend: ingressBackend, tls: S.arr(S.obj({ hosts: strings, secretName: S.str })),
      rules: S.arr(S.obj({ host: S.str, http: S.obj({ paths: S.arr(S.obj({ path: S.str, pathType: S.str, backend: ingressBackend })) }) })),
    }),
  }],
  ['coordination.k8s.io/v1/Lease', {
    spec: S.obj({
      holderIdentity: S.str, leaseDurationSeconds: S.int, acquireTime: S.str, renewTime: S.str, leaseTransitions: S.int,
      strategy: S.str, preferredHolder: S.str,
    }),
  }],
]);

export { objectMeta };
