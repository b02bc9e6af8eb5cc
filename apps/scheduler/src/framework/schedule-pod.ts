/**
 * One scheduling decision, pure over the cache: filter the nodes (starting where the previous cycle
 * stopped and stopping once enough fit, as k8s' percentageOfNodesToScore), score the feasible ones,
 * pick the best (ties at random). Returns the node, or every node's reasons when none fits.
 */
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { NodeFilter, Profile } from './plugin.js';
import { SUCCESS } from './status.js';
import type { Status } from './status.js';

export type ScheduleResult =
  | { readonly kind: 'Scheduled'; readonly node: NodeInfo; readonly evaluated: number; readonly feasible: number }
  | { readonly kind: 'Unschedulable'; readonly numAllNodes: number; readonly nodeStatuses: ReadonlyMap<string, Status> };

export interface ScheduleOptions {
  /** index of the node to start filtering at; the caller rotates it so work spreads over nodes */
  readonly startIndex: number;
  readonly random?: () => number;
}

const MIN_FEASIBLE_NODES = 100;
const MIN_PERCENTAGE = 5;

/** k8s numFeasibleNodesToFind with the adaptive percentage: all of small clusters, ~42% of 1,000 nodes. */
export function feasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  const percentage = Math.max(MIN_PERCENTAGE, 50 - Math.floor(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.floor((numAllNodes * percentage) / 100));
}

function runFilters(filters: readonly NodeFilter[], node: NodeInfo): Status {
  for (const filter of filters) {
    const status = filter(node);
    if (status.code !== 'Success') return status;
  }
  return SUCCESS;
}

/** The pod's filters in profile order: all of them, and those a clean node still has to pass. */
function filtersFor(profile: Profile, pod: PodInfo): { all: NodeFilter[]; onClean: NodeFilter[] } {
  const all: NodeFilter[] = [];
  const onClean: NodeFilter[] = [];
  for (const plugin of profile.filters) {
    const filter = plugin.filterFor(pod);
    if (!filter) continue;
    all.push(filter);
    if (!plugin.passesCleanNodes) onClean.push(filter);
  }
  return { all, onClean };
}

export function schedulePod(profile: Profile, pod: PodInfo, nodes: readonly NodeInfo[], opts: ScheduleOptions): ScheduleResult {
  const filters = filtersFor(profile, pod);
  const want = feasibleNodesToFind(nodes.length);
  const feasible: NodeInfo[] = [];
  const nodeStatuses = new Map<string, Status>();
  let allClean = true;
  let evaluated = 0;
  for (; evaluated < nodes.length && feasible.length < want; evaluated++) {
    const node = nodes[(opts.startIndex + evaluated) % nodes.length]!;
    const status = runFilters(node.clean ? filters.onClean : filters.all, node);
    if (status.code !== 'Success') nodeStatuses.set(node.name, status);
    else {
      feasible.push(node);
      allClean &&= node.clean;
    }
  }
  if (feasible.length === 0) return { kind: 'Unschedulable', numAllNodes: nodes.length, nodeStatuses };
  const node = feasible.length === 1 ? feasible[0]! : pickHighest(feasible, scoreNodes(profile, pod, feasible, allClean), opts.random ?? Math.random);
  return { kind: 'Scheduled', node, evaluated, feasible: feasible.length };
}

/**
 * Weighted sum of every scorer's normalized 0..100 score per node. `allClean`: every node is clean,
 * so scorers that score clean nodes alike are left out (they would add one constant to all).
 */
export function scoreNodes(profile: Profile, pod: PodInfo, nodes: readonly NodeInfo[], allClean = false): number[] {
  const totals = new Array<number>(nodes.length).fill(0);
  for (const { plugin, weight } of profile.scorers) {
    if (allClean && plugin.sameOnCleanNodes) continue;
    const scorer = plugin.scorerFor(pod);
    if (!scorer) continue;
    const scores = nodes.map(scorer);
    plugin.normalize?.(scores);
    for (let i = 0; i < scores.length; i++) totals[i]! += scores[i]! * weight;
  }
  return totals;
}

/** The best-scoring node; among equals each has the same chance (reservoir sampling, as k8s selectHost). */
function pickHighest(nodes: readonly NodeInfo[], scores: readonly number[], random: () => number): NodeInfo {
  let best = 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (scores[i]! > scores[best]!) {
      best = i;
      ties = 1;
    } else if (scores[i] === scores[best] && random() * ++ties < 1) {
      best = i;
    }
  }
  return nodes[best]!;
}
