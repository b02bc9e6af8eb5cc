/**
 * Whether a pod update from the API changes what the node should do. The agent's own status write
 * comes back on the pod stream as MODIFIED with only status, resourceVersion and managedFields
 * changed: that needs no sync (the sync that wrote it already saw everything), and syncing anyway
 * cost one more engine round trip per status write while the engine was busy starting pods.
 */
import type { Pod } from '@tugboat/api';

function desiredPart(pod: Pod): string {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = pod.metadata;
  return JSON.stringify([metadata, pod.spec]);
}

export function desiredChanged(before: Pod | undefined, after: Pod): boolean {
  return before === undefined || desiredPart(before) !== desiredPart(after);
}
