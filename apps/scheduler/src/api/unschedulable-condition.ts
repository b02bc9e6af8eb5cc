/**
 * The PodScheduled=False condition of a pod no node can take, as a pure calculation, and whether
 * the pod already says exactly that (then nothing is written: no status or event write storms).
 */
import type { Pod, PodCondition } from '@tugboat/api';

export const UNSCHEDULABLE_REASON = 'Unschedulable';

export function unschedulableCondition(pod: Pod, message: string, now: Date): PodCondition {
  const current = currentCondition(pod);
  return {
    type: 'PodScheduled',
    status: 'False',
    reason: UNSCHEDULABLE_REASON,
    message,
    lastProbeTime: null,
    // the transition time moves only when the status does (podutil.UpdatePodCondition)
    lastTransitionTime: current?.status === 'False' && current.lastTransitionTime ? current.lastTransitionTime : now.toISOString(),
  };
}

export function alreadyReported(pod: Pod, message: string): boolean {
  const c = currentCondition(pod);
  return c?.status === 'False' && c.reason === UNSCHEDULABLE_REASON && c.message === message;
}

function currentCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
}

/** A pod bound after it was reported unschedulable still says False until someone flips it. */
export function needsScheduledCondition(pod: Pod): boolean {
  const c = currentCondition(pod);
  return c !== undefined && c.status !== 'True';
}

export function scheduledCondition(now: Date): PodCondition {
  return { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now.toISOString() };
}
