/**
 * OwnerSpread: pods of one controller (the same controlling ownerReference, e.g. a ReplicaSet's
 * replicas) spread across nodes: fewer siblings on a node score higher (k8s' SelectorSpread
 * scoring without zones). Pods without a controller are not scored.
 */
import type { NodeInfo } from '../framework/node-info.js';
import { normalizeScores } from '../framework/normalize.js';
import type { ScorePlugin } from '../framework/plugin.js';

export const NAME = 'OwnerSpread';

export function siblingsOn(node: NodeInfo, controllerUid: string): number {
  return node.ownerCount(controllerUid);
}

export const ownerSpread: ScorePlugin = {
  name: NAME,
  scorerFor: ({ controllerUid }) => (controllerUid ? (node) => siblingsOn(node, controllerUid) : undefined),
  normalize: (scores) => normalizeScores(scores, true),
};
