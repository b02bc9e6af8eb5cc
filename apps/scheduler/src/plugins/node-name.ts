/** NodeName: a pod that names a node (spec.nodeName) fits only there. */
import type { FilterPlugin } from '../framework/plugin.js';
import { SUCCESS, unresolvable } from '../framework/status.js';
import type { Pod } from '@tugboat/api';
import type { NodeInfo } from '../framework/node-info.js';

export const NAME = 'NodeName';
export const ERR_REASON = "node(s) didn't match the requested node name";

export function fits(pod: Pod, node: NodeInfo): boolean {
  const wanted = pod.spec?.nodeName;
  return !wanted || wanted === node.name;
}

export const nodeName: FilterPlugin = {
  name: NAME,
  filterFor: ({ pod }) => (pod.spec?.nodeName ? (node) => (fits(pod, node) ? SUCCESS : unresolvable(ERR_REASON)) : undefined),
};
