/** pods/binding (the scheduler's placement) and pods/eviction (a polite delete). */
import type { KubeObject, PodCondition, PodStatus } from '@tugboat/api';
import { ApiError, errors, rfc3339 } from '@tugboat/api';
import { sendJson } from '../http/respond.js';
import type { HandlerContext } from './context.js';
import { readObject } from './write.js';

function success(code: number): KubeObject {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code } as unknown as KubeObject;
}

/** The status with PodScheduled=True, as the binding sets it in Kubernetes (podutil.UpdatePodCondition). */
export function scheduled(status: PodStatus | undefined, now: Date): PodStatus {
  const conditions = status?.conditions ?? [];
  const old = conditions.find((c) => c.type === 'PodScheduled');
  const condition: PodCondition = {
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : rfc3339(now),
  };
  const next = old ? conditions.map((c) => (c === old ? condition : c)) : [...conditions, condition];
  return { ...status, conditions: next };
}

export async function handleBinding(ctx: HandlerContext): Promise<void> {
  if (ctx.request.verb !== 'create') throw new ApiError('MethodNotAllowed', 'pods/binding only supports create');
  const binding = await readObject(ctx);
  const target = (binding as { target?: { name?: unknown; kind?: unknown } }).target;
  if (!target || typeof target.name !== 'string' || target.name === '') {
    throw errors.invalid('Binding', '', ctx.request.name ?? '', [{ field: 'target.name', reason: 'FieldValueRequired', message: 'Required value' }]);
  }
  const nodeName = target.name;
  const name = ctx.request.name!;
  await ctx.store.update(
    ctx.request.namespace,
    name,
    (current) => {
      const pod = current!;
      const spec = pod.spec as { nodeName?: string };
      if (spec.nodeName) {
        throw errors.conflict('pods', '', name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
      }
      if (pod.metadata.deletionTimestamp) throw errors.conflict('pods', '', name, 'pod is being deleted');
      // new objects only where the binding changes something: `current` is left as it was (the
      // binding's write copies metadata itself and drops its resourceVersion)
      return { ...pod, spec: { ...spec, nodeName }, status: scheduled(pod.status as PodStatus | undefined, new Date()) };
    },
    { subresource: 'binding' },
  );
  sendJson(ctx.res, 201, success(201));
}

export async function handleEviction(ctx: HandlerContext): Promise<void> {
  if (ctx.request.verb !== 'create') throw new ApiError('MethodNotAllowed', 'pods/eviction only supports create');
  const eviction = await readObject(ctx);
  const opts = (eviction as { deleteOptions?: { gracePeriodSeconds?: number } }).deleteOptions ?? {};
  await ctx.store.delete(ctx.request.namespace, ctx.request.name!, opts);
  sendJson(ctx.res, 201, success(201));
}
