/**
 * What a hollow node reports for a pod it was given: the status a real agent writes once the pod's
 * containers run (phase Running, every condition True, one running state per container), without
 * running anything. The containerIDs say so (`hollow://`), as does the node's Ready message.
 */
import { rfc3339 } from '@tugboat/api';
import type { Pod, PodCondition, PodStatus } from '@tugboat/api';

/** The n-th pod address of a /24 pod CIDR (from .2; .1 is the gateway on a real node's bridge). */
export function podAddress(podCidr: string, n: number): string {
  const base = podCidr.split('/')[0]!.split('.').slice(0, 3).join('.');
  return `${base}.${2 + (n % 253)}`;
}

export function runningStatus(pod: Pod, ips: { hostIP: string; podIP: string }, at: Date): PodStatus {
  const now = rfc3339(at);
  const conditions = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type): PodCondition => ({ type, status: 'True', lastTransitionTime: now }));
  return {
    phase: 'Running',
    conditions,
    hostIP: ips.hostIP,
    hostIPs: [{ ip: ips.hostIP }],
    podIP: ips.podIP,
    podIPs: [{ ip: ips.podIP }],
    startTime: now,
    qosClass: pod.status?.qosClass,
    containerStatuses: (pod.spec?.containers ?? []).map((c) => ({
      name: c.name,
      image: c.image ?? '',
      imageID: '',
      containerID: `hollow://${pod.metadata.uid ?? ''}/${c.name}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now } },
    })),
  };
}
