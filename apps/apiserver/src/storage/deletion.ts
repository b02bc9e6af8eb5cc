/**
 * What a delete does to an object, as Kubernetes' graceful deletion: preconditions, the finalizers a
 * propagation policy adds, and whether the object goes now or gets a deletionTimestamp and waits
 * (for its finalizers, or for the node agent that stops a bound pod).
 */
import type { DeleteOptions, KubeObject, ResourceInfo } from '@tugboat/api';
import { errors, rfc3339 } from '@tugboat/api';

/** undefined → remove now; an object → store it (deletion waits for finalizers or the node agent) */
export function deletionUpdate(info: ResourceInfo, current: KubeObject, opts: DeleteOptions): KubeObject | undefined {
  const finalizers = new Set(current.metadata.finalizers ?? []);
  if (opts.propagationPolicy === 'Orphan' || opts.orphanDependents === true) finalizers.add('orphan');
  if (opts.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
  const graceful = gracePeriod(info, current, opts);
  if (finalizers.size === 0 && graceful === 0 && info.kind !== 'Namespace') return undefined;
  if (current.metadata.deletionTimestamp && graceful === 0 && finalizers.size === 0) return undefined;
  const next = structuredClone(current);
  next.metadata.finalizers = [...finalizers];
  if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
  if (!next.metadata.deletionTimestamp) {
    next.metadata.deletionTimestamp = rfc3339(Date.now() + graceful * 1000);
    next.metadata.deletionGracePeriodSeconds = graceful;
  }
  if (info.kind === 'Namespace') next.status = { ...(next.status as object), phase: 'Terminating' };
  return next;
}

/** Pods on a node are stopped by their agent, which then deletes them with grace 0. */
function gracePeriod(info: ResourceInfo, current: KubeObject, opts: DeleteOptions): number {
  if (info.kind !== 'Pod') return 0;
  const spec = current.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  if (!spec?.nodeName) return 0;
  return opts.gracePeriodSeconds ?? current.metadata.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
}

export function checkPreconditions(info: ResourceInfo, current: KubeObject, opts: DeleteOptions): void {
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw errors.conflict(info.resource, info.group, current.metadata.name ?? '', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw errors.conflict(info.resource, info.group, current.metadata.name ?? '', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
}
