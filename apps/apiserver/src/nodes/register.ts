/**
 * Register: create or refresh this node's Node object. The agent owns status (capacity, addresses,
 * nodeInfo, conditions) and adds labels; the control plane owns spec (podCIDR, taints, unschedulable),
 * which a re-registration never overwrites.
 */
import { ApiError, isApiError } from '@tugboat/api';
import type { KubeObject, Node } from '@tugboat/api';
import type { NodeConfig } from '@tugboat/rpc';
import type { NodeServiceContext } from './context.js';
import { AGENT_MANAGER } from './context.js';
import { nextPodCidr } from './pod-cidr.js';

/** Registrations are serialised so two new nodes never pick the same pod CIDR. */
let allocation: Promise<unknown> = Promise.resolve();

function usedCidrs(ctx: NodeServiceContext): string[] {
  return [...ctx.storage.byKind('Node').cache.list()].map((c) => (c.obj as Node).spec?.podCIDR).filter((c): c is string => !!c);
}

export async function register(ctx: NodeServiceContext, nodeName: string, reported: Node): Promise<{ node: KubeObject; config: NodeConfig }> {
  if (reported.metadata?.name !== nodeName) {
    throw new ApiError('Forbidden', `node "${nodeName}" cannot register a Node named "${reported.metadata?.name ?? ''}"`);
  }
  const run = allocation.then(() => upsert(ctx, nodeName, reported));
  allocation = run.catch(() => undefined);
  const node = await run;
  const podCidr = (node as Node).spec?.podCIDR ?? '';
  return {
    node,
    config: {
      pod_cidr: podCidr,
      cluster_dns: ctx.network.clusterDns,
      cluster_domain: ctx.network.clusterDomain,
      service_cidr: ctx.network.serviceCidr,
      cluster_cidr: ctx.network.clusterCidr,
    },
  };
}

async function upsert(ctx: NodeServiceContext, name: string, reported: Node): Promise<KubeObject> {
  const nodes = ctx.storage.byKind('Node');
  const labels = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...reported.metadata.labels };
  const { obj: main } = await nodes.update(
    undefined,
    name,
    (current) => {
      if (!current) {
        const podCIDR = nextPodCidr(ctx.network.clusterCidr, usedCidrs(ctx));
        return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: { podCIDR, podCIDRs: [podCIDR] } };
      }
      const next = structuredClone(current) as Node;
      next.metadata.labels = { ...next.metadata.labels, ...labels };
      if (!next.spec?.podCIDR) {
        const podCIDR = nextPodCidr(ctx.network.clusterCidr, usedCidrs(ctx));
        next.spec = { ...next.spec, podCIDR, podCIDRs: [podCIDR] };
      }
      delete next.metadata.resourceVersion;
      return next;
    },
    { allowCreate: true, fieldManager: AGENT_MANAGER },
  );
  try {
    const { obj } = await nodes.update(
      undefined,
      name,
      (current) => ({ ...structuredClone(current!), status: mergeStatus(current as Node, reported) }),
      { subresource: 'status', fieldManager: AGENT_MANAGER },
    );
    return obj;
  } catch (err) {
    if (isApiError(err, 'NotFound')) return main;
    throw err;
  }
}

/** The agent's report wins, but conditions keep their lastTransitionTime when their status did not change. */
function mergeStatus(current: Node, reported: Node): Node['status'] {
  const before = new Map((current.status?.conditions ?? []).map((c) => [c.type, c]));
  const conditions = (reported.status?.conditions ?? []).map((c) => {
    const old = before.get(c.type);
    return old && old.status === c.status && old.lastTransitionTime ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  });
  return { ...current.status, ...reported.status, conditions };
}
