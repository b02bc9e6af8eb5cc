/**
 * TaintToleration: a node's NoSchedule and NoExecute taints must all be tolerated (the first one
 * that is not is the reason); PreferNoSchedule taints only lower the score, fewer intolerable ones
 * scoring higher.
 */
import type { Pod, Taint } from '@tugboat/api';
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
  return node.node?.spec?.taints?.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !isTolerated(pod.spec?.tolerations, t));
}

export function intolerablePreferNoSchedule(pod: Pod, node: NodeInfo): number {
  const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  return (node.node?.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !isTolerated(tolerations, t)).length;
}

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: NAME,
  filterFor: ({ pod }) => (node) => {
    const taint = firstUntolerated(pod, node);
    return taint ? unresolvable(untoleratedReason(taint)) : SUCCESS;
  },
  scorerFor: ({ pod }) => (node) => intolerablePreferNoSchedule(pod, node),
  normalize: (scores) => normalizeScores(scores, true),
};
