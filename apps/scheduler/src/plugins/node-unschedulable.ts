/** NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods tolerating its taint. */
import type { Pod, Taint } from '@tugboat/api';
import type { NodeInfo } from '../framework/node-info.js';
import type { FilterPlugin } from '../framework/plugin.js';
import { SUCCESS, unresolvable } from '../framework/status.js';
import { isTolerated } from '../framework/tolerations.js';

export const NAME = 'NodeUnschedulable';
export const ERR_REASON = 'node(s) were unschedulable';

/** The taint a cordoned node behaves as if it had (v1.TaintNodeUnschedulable). */
export const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function fits(pod: Pod, node: NodeInfo): boolean {
  return !node.unschedulable || isTolerated(pod.spec?.tolerations, UNSCHEDULABLE_TAINT);
}

export const nodeUnschedulable: FilterPlugin = {
  name: NAME,
  passesCleanNodes: true,
  filterFor: ({ pod }) => (node) => (fits(pod, node) ? SUCCESS : unresolvable(ERR_REASON)),
};
