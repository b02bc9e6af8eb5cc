/** UpdatePodStatus and ConfirmPodDeleted: an agent writes only pods bound to it, and only the incarnation it runs (uid). */
import { errors, isApiError } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import type { NodeServiceContext } from './context.js';
import { AGENT_MANAGER } from './context.js';
import { assertPodOnNode } from './identity.js';

export interface PodRef {
  namespace: string;
  name: string;
  uid: string;
}

function checkIncarnation(pod: KubeObject, node: string, ref: PodRef): void {
  assertPodOnNode(pod, node);
  if (pod.metadata.uid !== ref.uid) {
    throw errors.conflict('pods', '', ref.name, `Precondition failed: UID in precondition: ${ref.uid}, UID in object meta: ${pod.metadata.uid}`);
  }
}

export async function updatePodStatus(ctx: NodeServiceContext, node: string, ref: PodRef, status: unknown): Promise<string> {
  const { obj } = await ctx.storage.byKind('Pod').update(
    ref.namespace,
    ref.name,
    (current) => {
      checkIncarnation(current!, node, ref);
      // a status write takes only the status from here (the store copies it)
      const { resourceVersion: _rv, ...metadata } = current!.metadata;
      return { ...current!, metadata, status };
    },
    { subresource: 'status', fieldManager: AGENT_MANAGER },
  );
  return obj.metadata.resourceVersion ?? '';
}

/** The pod's containers are gone: finish the graceful deletion the user started. Gone already = fine. */
export async function confirmPodDeleted(ctx: NodeServiceContext, node: string, ref: PodRef): Promise<void> {
  const pods = ctx.storage.byKind('Pod');
  try {
    const pod = await pods.get(ref.namespace, ref.name);
    checkIncarnation(pod, node, ref);
    if (!pod.metadata.deletionTimestamp) throw errors.badRequest(`pod "${ref.namespace}/${ref.name}" is not being deleted`);
    await pods.delete(ref.namespace, ref.name, { gracePeriodSeconds: 0, preconditions: { uid: ref.uid } });
  } catch (err) {
    if (isApiError(err, 'NotFound')) return;
    if (isApiError(err, 'Conflict') && !(await stillThere(ctx, ref))) return;
    throw err;
  }
}

async function stillThere(ctx: NodeServiceContext, ref: PodRef): Promise<boolean> {
  const pod = await ctx.storage.byKind('Pod').get(ref.namespace, ref.name).catch(() => undefined);
  return pod?.metadata.uid === ref.uid;
}
