/** Defaulting of API objects as Kubernetes does it, dispatched by apiVersion + kind. */
import type { KubeObject } from '../types/meta.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.js';
import { defaultHorizontalPodAutoscaler } from './autoscaling.js';
import { defaultCronJob, defaultJob } from './batch.js';
import { defaultNamespace, defaultNode, defaultSecret } from './core.js';
import { defaultPod } from './pod.js';
import { defaultEndpoints, defaultService } from './service.js';
import { defaultPersistentVolumeClaim } from './storage.js';

type Defaulter = (obj: KubeObject) => void;

const DEFAULTERS: ReadonlyMap<string, Defaulter> = new Map<string, Defaulter>([
  ['v1/Namespace', defaultNamespace],
  ['v1/Node', defaultNode],
  ['v1/Pod', defaultPod],
  ['v1/Service', defaultService],
  ['v1/Endpoints', defaultEndpoints],
  ['v1/Secret', defaultSecret],
  ['v1/PersistentVolumeClaim', defaultPersistentVolumeClaim],
  ['apps/v1/Deployment', defaultDeployment],
  ['apps/v1/ReplicaSet', defaultReplicaSet],
  ['apps/v1/StatefulSet', defaultStatefulSet],
  ['apps/v1/DaemonSet', defaultDaemonSet],
  ['batch/v1/Job', defaultJob],
  ['batch/v1/CronJob', defaultCronJob],
  ['autoscaling/v2/HorizontalPodAutoscaler', defaultHorizontalPodAutoscaler],
  // ConfigMap, Event, Ingress (networking/v1 has no defaults), Lease: nothing to fill.
]);

/** Fill in defaults in place (returns the same object for chaining). Unknown kinds pass through. */
export function applyDefaults(obj: KubeObject): KubeObject {
  if (typeof obj.metadata !== 'object' || obj.metadata === null) return obj;
  DEFAULTERS.get(`${obj.apiVersion}/${obj.kind}`)?.(obj);
  return obj;
}
