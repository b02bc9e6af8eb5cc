/** NodePorts: a pod's hostPorts must be free on the node. */
import type { HostPort } from '../framework/host-ports.js';
import { portsConflict } from '../framework/host-ports.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { FilterPlugin } from '../framework/plugin.js';
import { SUCCESS, unschedulable } from '../framework/status.js';

export const NAME = 'NodePorts';
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

export function fits(wanted: readonly HostPort[], node: NodeInfo): boolean {
  for (const used of node.usedPorts()) if (wanted.some((w) => portsConflict(w, used))) return false;
  return true;
}

export const nodePorts: FilterPlugin = {
  name: NAME,
  filterFor: ({ hostPorts }) => (hostPorts.length > 0 ? (node) => (fits(hostPorts, node) ? SUCCESS : unschedulable(ERR_REASON)) : undefined),
};
