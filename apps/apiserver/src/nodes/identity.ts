/**
 * Node identity and authorization (the node authorizer's rule): a caller is node N when its client
 * certificate, issued by the cluster CA, says CN=system:node:N, O=system:nodes. A node may read and
 * write only its own Node and Lease, the pods bound to it, and what those pods reference.
 */
import { ApiError } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import type { PeerVerifier } from '@tugboat/rpc';
import { podNodeName } from '../storage/triggers.js';

export const NODE_USER_PREFIX = 'system:node:';
export const NODES_GROUP = 'system:nodes';

type Call = Parameters<PeerVerifier['identify']>[0];

export function nodeNameOf(verifier: PeerVerifier, call: Call): string {
  const peer = verifier.identify(call);
  if (!peer) throw new ApiError('Unauthorized', 'a node client certificate issued by the cluster CA is required (join with a bootstrap token first)');
  if (!peer.commonName.startsWith(NODE_USER_PREFIX) || !peer.organizations.includes(NODES_GROUP)) {
    throw new ApiError('Forbidden', `user "${peer.commonName}" is not a node`);
  }
  return peer.commonName.slice(NODE_USER_PREFIX.length);
}


export { podNodeName };

/** Throws Forbidden unless `pod` is bound to `node`. */
export function assertPodOnNode(pod: KubeObject, node: string): void {
  if (podNodeName(pod) !== node) {
    throw new ApiError('Forbidden', `node "${node}" can only access pods bound to it; pod "${pod.metadata.namespace}/${pod.metadata.name}" is not`);
  }
}
