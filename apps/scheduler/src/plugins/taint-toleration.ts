/**
 * TaintToleration: a node's NoSchedule and NoExecute taints must all be tolerated (the first one
 * that is not is the reason); PreferNoSchedule taints only lower the score, fewer intolerable ones
 * scoring higher.
 */
import type { Pod, Taint, Toleration } from '@tugboat/api';
import type { NodeInfo } from '../framework/node-info.js';
import { normalizeScores } from '../framework/normalize.js';
import type { FilterPlugin, ScorePlugin } from '../framework/plugin.js';
import { SUCCESS, unresolvable } from '../framework/status.js';
import { isTolerated } from '../framework/tolerations.js';

export const NAME = 'TaintToleration';

export function untoleratedReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate, if any. */
export function firstUntolerated(pod: Pod, node: NodeInfo): Taint | undefined {
  if (node.taints.length === 0) return undefined; // most nodes: no per-node work at all
  return node.taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !isTolerated(pod.spec?.tolerations, t));
}

/** The pod's tolerations that can match a PreferNoSchedule taint (worked out once per cycle). */
export function preferNoScheduleTolerations(pod: Pod): Toleration[] {
  return (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

export function intolerablePreferNoSchedule(tolerations: readonly Toleration[], node: NodeInfo): number {
  let n = 0;
  for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !isTolerated(tolerations, t)) n++;
  return n;
}

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: NAME,
  // a node without taints has nothing to tolerate, and scores 0 intolerable taints
  passesCleanNodes: true,
  sameOnCleanNodes: true,
  filterFor: ({ pod }) => (node) => {
    const taint = firstUntolerated(pod, node);
    return taint ? unresolvable(untoleratedReason(taint)) : SUCCESS;
  },
  scorerFor: ({ pod }) => {
    const tolerations = preferNoScheduleTolerations(pod);
    return (node) => intolerablePreferNoSchedule(tolerations, node);
  },
  normalize: (scores) => normalizeScores(scores, true),
};
