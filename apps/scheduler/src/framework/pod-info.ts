/**
 * A pod with what the scheduler needs from it worked out once: requests, host ports, owner.
 * Built when a pod is scheduled or enters the cache, so per-node checks are plain arithmetic.
 */
import type { Pod } from '@tugboat/api';
import { keyOf } from '@tugboat/client';
import { podHostPorts } from './host-ports.js';
import type { HostPort } from './host-ports.js';
import { podNonZeroRequests, podRequests } from './pod-requests.js';
import type { Resources } from './resources.js';

export interface PodInfo {
  readonly key: string;
  readonly pod: Pod;
  readonly requests: Resources;
  readonly nonZeroRequests: Resources;
  readonly hostPorts: readonly HostPort[];
  /** uid of the controlling ownerReference (ReplicaSet, StatefulSet…), for spreading */
  readonly controllerUid: string | undefined;
}

export function podInfo(pod: Pod): PodInfo {
  return {
    key: keyOf(pod),
    pod,
    requests: podRequests(pod),
    nonZeroRequests: podNonZeroRequests(pod),
    hostPorts: podHostPorts(pod),
    controllerUid: pod.metadata.ownerReferences?.find((o) => o.controller)?.uid,
  };
}
