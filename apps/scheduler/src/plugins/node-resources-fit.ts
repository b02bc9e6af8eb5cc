/**
 * NodeResourcesFit: the pod's requests must fit in what the node's pods (bound and assumed) have
 * left of allocatable, and the node must have room for one more pod. Every shortfall is a reason.
 */
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import type { FilterPlugin } from '../framework/plugin.js';
import { SUCCESS, unschedulable } from '../framework/status.js';

export const NAME = 'NodeResourcesFit';
export const TOO_MANY_PODS = 'Too many pods';
export const insufficient = (resource: string): string => `Insufficient ${resource}`;

/** The quick check every cycle makes for hundreds of nodes; reasons are only spelt out on failure. */
export function fits(pod: Pick<PodInfo, 'requests'>, node: NodeInfo): boolean {
  const { milliCpu, memory } = pod.requests;
  const free = node.allocatable;
  const used = node.requested;
  return node.podCount + 1 <= free.pods && (milliCpu <= 0 || milliCpu <= free.milliCpu - used.milliCpu) && (memory <= 0 || memory <= free.memory - used.memory);
}

export function insufficientResources(pod: Pick<PodInfo, 'requests'>, node: NodeInfo): string[] {
  if (fits(pod, node)) return [];
  const reasons: string[] = [];
  if (node.podCount + 1 > node.allocatable.pods) reasons.push(TOO_MANY_PODS);
  const { milliCpu, memory } = pod.requests;
  if (milliCpu > 0 && milliCpu > node.allocatable.milliCpu - node.requested.milliCpu) reasons.push(insufficient('cpu'));
  if (memory > 0 && memory > node.allocatable.memory - node.requested.memory) reasons.push(insufficient('memory'));
  return reasons;
}

export const nodeResourcesFit: FilterPlugin = {
  name: NAME,
  filterFor: (pod) => (node) => (fits(pod, node) ? SUCCESS : unschedulable(...insufficientResources(pod, node))),
};
