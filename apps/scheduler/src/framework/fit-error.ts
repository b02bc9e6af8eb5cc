/**
 * The message of a pod no node can take, exactly as kube-scheduler's FitError.Error() builds it:
 * every reason of every node counted, "<count> <reason>" strings sorted (byte order, as Go's
 * sort.Strings), joined, e.g. "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."
 */
import type { Status } from './status.js';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export function fitErrorMessage(numAllNodes: number, nodeStatuses: Iterable<Status>): string {
  if (numAllNodes === 0) return NO_NODES_AVAILABLE;
  const histogram = new Map<string, number>();
  for (const status of nodeStatuses) {
    for (const reason of status.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  }
  const counted = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(byteOrder);
  const message = `0/${numAllNodes} nodes are available:`;
  return counted.length > 0 ? `${message} ${counted.join(', ')}.` : message;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
