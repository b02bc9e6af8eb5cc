/**
 * Heartbeat: renew kube-node-lease/<node> (the cheap liveness signal the node-lifecycle controller
 * reads, as in Kubernetes) and, when the agent's conditions changed or the Node's were last
 * refreshed NODE_STATUS_REPORT_SECONDS ago, write them on the Node with lastHeartbeatTime
 * (the kubelet's nodeStatusReportFrequency: a thousand nodes must not write their Node every 10 s);
 * lastTransitionTime moves only when a condition's status changes.
 */
import type { KubeObject, Lease, Node, NodeCondition } from '@tugboat/api';
import { recordUpdateManager, rfc3339, touchUpdateManager } from '@tugboat/api';
import { decodeJson } from '@tugboat/rpc';
import { cacheKey } from '../storage/keys.js';
import type { NodeServiceContext } from './context.js';
import { AGENT_MANAGER, nowMicro } from './context.js';

export const LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** Kubernetes' default nodeStatusReportFrequency. */
export const NODE_STATUS_REPORT_SECONDS = 300;

/**
 * Renewals leave for etcd together, once per RENEWAL_BATCH_MS: a thousand nodes renew a hundred times
 * a second, and etcd spends ~1.2 ms of CPU on a write that arrives alone against ~0.3 ms on each of
 * twenty that arrive together (bench/etcd-batching.ts). The wait is nothing next to a 40 s lease.
 */
export const RENEWAL_BATCH_MS = 200;

/** A HeartbeatRequest's conditions (both NodeService calls that renew leases take them); empty: none. */
export function decodeConditions(raw: Buffer): NodeCondition[] {
  return raw.length > 0 ? decodeJson<NodeCondition[]>(raw, 'conditions_json') : [];
}

export async function heartbeat(ctx: NodeServiceContext, nodeName: string, conditions: NodeCondition[]): Promise<void> {
  await ctx.renewals.wait();
  await renewLease(ctx, nodeName);
  const node = ctx.storage.byKind('Node').cache.get(nodeName)?.obj as Node | undefined;
  if (conditions.length > 0 && conditionsDue(node?.status?.conditions ?? [], conditions, Date.now())) {
    await updateConditions(ctx, nodeName, conditions);
  }
}

/** Whether the Node's conditions need writing: one changed (status, reason, message), or they are due a refresh. */
export function conditionsDue(stored: readonly NodeCondition[], reported: readonly NodeCondition[], now: number): boolean {
  for (const c of reported) {
    const old = stored.find((o) => o.type === c.type);
    if (!old || old.status !== c.status || old.reason !== c.reason || old.message !== c.message) return true;
    const last = Date.parse(old.lastHeartbeatTime ?? '');
    if (!(now - last < NODE_STATUS_REPORT_SECONDS * 1000)) return true;
  }
  return false;
}

/** What a renewal changes once the lease is this node's with the agent's duration. */
const RENEWED: readonly (readonly string[])[] = [['f:spec', 'f:renewTime']];

/**
 * The node's Lease with renewTime now. A renewal of a lease the node already holds is a prepared
 * write (the storage's fast path, as a binding is): the apiserver builds the object itself from the
 * stored one, so there is nothing to default or validate, and the agent's managedFields entry only
 * has its time moved (touchUpdateManager) unless another manager took a field. Anything else (the
 * first renewal, another holder or duration) takes the full update path.
 */
async function renewLease(ctx: NodeServiceContext, nodeName: string): Promise<void> {
  const leases = ctx.storage.byKind('Lease');
  const held = isHeldBy(leases.cache.get(cacheKey(NODE_LEASE_NAMESPACE, nodeName))?.obj, nodeName);
  const node = ctx.storage.byKind('Node').cache.get(nodeName)?.obj;
  await leases.update(
    NODE_LEASE_NAMESPACE,
    nodeName,
    (current) => {
      // the store copies what tryUpdate returns before it changes anything: a shallow copy is enough here
      const lease = (current ? { ...current, metadata: { ...current.metadata } } : { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: nodeName } }) as Lease;
      delete lease.metadata.resourceVersion;
      if (!current && node?.metadata.uid) {
        lease.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid }];
      }
      lease.spec = { ...lease.spec, holderIdentity: nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: nowMicro() };
      if (!held || !current) return lease;
      const manager = { manager: AGENT_MANAGER };
      // `held` came from the cache; a fresher `current` may say otherwise, and then the full record is right
      return (isHeldBy(current, nodeName) && touchUpdateManager(current, lease, RENEWED, manager)) || recordUpdateManager(current, lease, manager);
    },
    { allowCreate: true, fieldManager: AGENT_MANAGER, prepared: held },
  );
}

function isHeldBy(lease: KubeObject | undefined, nodeName: string): boolean {
  const spec = (lease as Lease | undefined)?.spec;
  return spec?.holderIdentity === nodeName && spec.leaseDurationSeconds === LEASE_DURATION_SECONDS;
}

async function updateConditions(ctx: NodeServiceContext, nodeName: string, reported: NodeCondition[]): Promise<void> {
  const now = rfc3339();
  await ctx.storage.byKind('Node').update(
    undefined,
    nodeName,
    (current) => {
      const node = structuredClone(current!) as Node;
      const byType = new Map((node.status?.conditions ?? []).map((c) => [c.type, c]));
      for (const c of reported) {
        const old = byType.get(c.type);
        const changed = !old || old.status !== c.status;
        byType.set(c.type, { ...c, lastHeartbeatTime: now, lastTransitionTime: changed ? now : (old.lastTransitionTime ?? now) });
      }
      node.status = { ...node.status, conditions: [...byType.values()] };
      delete node.metadata.resourceVersion;
      return node;
    },
    { subresource: 'status', fieldManager: AGENT_MANAGER },
  );
}
