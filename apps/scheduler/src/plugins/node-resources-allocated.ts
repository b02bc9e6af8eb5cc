/**
 * Resource scoring, cpu and memory weighted equally, on the non-zero requests of the node's pods
 * plus this one (k8s noderesources): LeastAllocated (the default) favours emptier nodes and so
 * spreads load; MostAllocated favours fuller nodes and so packs pods onto few nodes.
 */
import type { NodeInfo } from '../framework/node-info.js';
import type { PodInfo } from '../framework/pod-info.js';
import { MAX_NODE_SCORE } from '../framework/plugin.js';
import type { ScorePlugin } from '../framework/plugin.js';

export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return Math.floor((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

export function allocationScore(strategy: ScoringStrategy, pod: PodInfo, node: NodeInfo): number {
  const rule = strategy === 'MostAllocated' ? mostRequestedScore : leastRequestedScore;
  const cpu = rule(node.nonZeroRequested.milliCpu + pod.nonZeroRequests.milliCpu, node.allocatable.milliCpu);
  const memory = rule(node.nonZeroRequested.memory + pod.nonZeroRequests.memory, node.allocatable.memory);
  return Math.floor((cpu + memory) / 2);
}

export function nodeResourcesAllocated(strategy: ScoringStrategy): ScorePlugin {
  return {
    name: `NodeResources${strategy}`,
    scorerFor: (pod) => (node) => allocationScore(strategy, pod, node),
  };
}
