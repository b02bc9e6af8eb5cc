/** Which pods are this scheduler's business, and which changes to them or to nodes can matter. */
import type { Node, Pod } from '@tugboat/api';

export function isBound(pod: Pod): boolean {
  return !!pod.spec?.nodeName;
}

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Unbound, not being deleted, not finished, and ours by spec.schedulerName (unset means the default). */
export function isPendingFor(pod: Pod, schedulerName: string): boolean {
  return !isBound(pod) && !pod.metadata.deletionTimestamp && !isTerminal(pod) && (pod.spec?.schedulerName || schedulerName) === schedulerName;
}

/** A change that could make an unschedulable pod fit (not our own status write about it). */
export function podSchedulingChanged(old: Pod, pod: Pod): boolean {
  return JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels);
}

/** A node change the filters or scorers can see; heartbeats alone are not. */
export function nodeSchedulingChanged(old: Node, node: Node): boolean {
  return schedulingView(old) !== schedulingView(node);
}

function schedulingView(node: Node): string {
  return JSON.stringify([
    node.metadata.labels,
    node.spec?.unschedulable,
    node.spec?.taints,
    node.status?.allocatable ?? node.status?.capacity,
    node.status?.conditions?.map((c) => [c.type, c.status]),
  ]);
}
