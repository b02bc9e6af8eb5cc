/** The pod a pods/log or pods/exec request addresses, its container, and the agent that runs it. */
import type { Node, Pod } from '@tugboat/api';
import type { AgentServiceClient, ContainerRef } from '@tugboat/rpc';
import type { Storage } from '../storage/storage.js';
import type { AgentDialer } from './agent-dialer.js';
import { boundNode, resolveContainer } from './container.js';

export interface PodTarget {
  pod: Pod;
  ref: ContainerRef;
  node: string;
}

/** The pod (NotFound as `pods "p" not found`) and the container the request means (BadRequest when ambiguous or unbound). */
export async function resolvePodTarget(storage: Storage, namespace: string, name: string, container: string | undefined): Promise<PodTarget> {
  const pod = (await storage.byKind('Pod').get(namespace, name)) as Pod;
  const chosen = resolveContainer(pod, container);
  const node = boundNode(pod, chosen);
  return { pod, ref: { namespace, pod: name, container: chosen }, node };
}

export async function agentFor(storage: Storage, dialer: AgentDialer, nodeName: string): Promise<AgentServiceClient> {
  const node = (await storage.byKind('Node').get(undefined, nodeName)) as Node;
  return dialer.clientFor(node);
}
