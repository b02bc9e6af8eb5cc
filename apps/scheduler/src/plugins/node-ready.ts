/**
 * NodeReady: only nodes whose Ready condition is True take pods. Kubernetes gets the same effect
 * from the not-ready taint the node-lifecycle controller adds; until Tugboat has that controller
 * the scheduler reads the condition itself, with the old CheckNodeCondition predicate's wording.
 */
import { isReady } from '../framework/node-info.js';
import type { FilterPlugin } from '../framework/plugin.js';
import { SUCCESS, unresolvable } from '../framework/status.js';

export const NAME = 'NodeReady';
export const ERR_REASON = 'node(s) were not ready';

/** The rule lives beside NodeInfo, which applies it once per node update since every cycle asks. */
export { isReady };

const notReady = unresolvable(ERR_REASON);

export const nodeReady: FilterPlugin = {
  name: NAME,
  passesCleanNodes: true,
  filterFor: () => (node) => (node.ready ? SUCCESS : notReady),
};
