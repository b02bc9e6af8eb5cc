/**
 * NodeAffinity: spec.nodeSelector and required node affinity filter (both must hold); preferred
 * node affinity scores a node with the sum of the weights of the terms it matches.
 */
import type { Node, Pod } from '@tugboat/api';
import { normalizeScores } from '../framework/normalize.js';
import { anyTermMatches, termMatches } from '../framework/node-selector.js';
import type { FilterPlugin, ScorePlugin } from '../framework/plugin.js';
import { SUCCESS, unresolvable } from '../framework/status.js';

export const NAME = 'NodeAffinity';
export const ERR_REASON = "node(s) didn't match Pod's node affinity/selector";

export function fits(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = pod.spec?.nodeSelector ?? {};
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || anyTermMatches(required.nodeSelectorTerms ?? [], node);
}

export function preferenceScore(pod: Pod, node: Node): number {
  const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.reduce((sum, term) => (term.weight !== 0 && termMatches(term.preference, node) ? sum + term.weight : sum), 0);
}

function asksForNodes(pod: Pod): boolean {
  return Object.keys(pod.spec?.nodeSelector ?? {}).length > 0 || !!pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
}

export const nodeAffinity: FilterPlugin & ScorePlugin = {
  name: NAME,
  filterFor: ({ pod }) => (asksForNodes(pod) ? (n) => (n.node && fits(pod, n.node) ? SUCCESS : unresolvable(ERR_REASON)) : undefined),
  scorerFor: ({ pod }) =>
    pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length
      ? (n) => (n.node ? preferenceScore(pod, n.node) : 0)
      : undefined,
  normalize: (scores) => normalizeScores(scores, false),
};
