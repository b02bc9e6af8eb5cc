/**
 * NodeReady: only nodes whose Ready condition is True take pods. Kubernetes gets the same effect
 * from the not-ready taint the node-lifecycle controller adds; until Tugboat has that controller
 * the scheduler reads the condition itself, with the old CheckNodeCondition predicate's wording.
 */
import type { Node } from '@tugboat/api';
import type { FilterPlugin } from '../framework/plugin.js';
import { SUCCESS, unresolvable } from '../framework/status.js';

export const NAME = 'NodeReady';
export const ERR_REASON = 'node(s) were not ready';

export function isReady(node: Node | undefined): boolean {
  return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export const nodeReady: FilterPlugin = {
  name: NAME,
  filterFor: () => (node) => (isReady(node.node) ? SUCCESS : unresolvable(ERR_REASON)),
};
