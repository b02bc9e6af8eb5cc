/**
 * The extension points, each its own small interface (as k8s' framework/interface.go). A plugin
 * looks at the pod once per cycle (the PreFilter/PreScore step) and hands back the per-node check,
 * or undefined when the pod asks nothing of it (Skip), so per-node work is as small as it can be.
 * Nodes are checked against a consistent view: a cycle runs synchronously on the cache.
 */
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Status } from './status.js';

export const MAX_NODE_SCORE = 100;

export interface Plugin {
  readonly name: string;
}

export type NodeFilter = (node: NodeInfo) => Status;

export interface FilterPlugin extends Plugin {
  filterFor(pod: PodInfo): NodeFilter | undefined;
  /**
   * The filter can only turn away a node that is not Ready, is cordoned or has taints, whatever the
   * pod: the framework does not run it on clean nodes (NodeInfo.clean), most nodes of most clusters.
   */
  readonly passesCleanNodes?: boolean;
}

export type NodeScorer = (node: NodeInfo) => number;

export interface ScorePlugin extends Plugin {
  scorerFor(pod: PodInfo): NodeScorer | undefined;
  /** Bring raw scores into 0..MAX_NODE_SCORE in place; omitted when score() already does. */
  normalize?(scores: number[]): void;
  /**
   * Every clean node gets the same score, whatever the pod: when all feasible nodes are clean the
   * scorer adds the same to each and cannot change the pick, so the framework leaves it out.
   */
  readonly sameOnCleanNodes?: boolean;
}

export interface WeightedScorer {
  readonly plugin: ScorePlugin;
  readonly weight: number;
}

/** Which filters run in which order, and which scorers weigh in how much (see registry.ts). */
export interface Profile {
  readonly filters: readonly FilterPlugin[];
  readonly scorers: readonly WeightedScorer[];
}
