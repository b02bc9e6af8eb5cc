/**
 * RecordEvents: Events about the node itself or its pods. Repeats of the same (object, reason,
 * message) fold into one Event with a growing count, as the Kubernetes event correlator does, so a
 * crash-looping container makes one Event, not thousands.
 */
import { createHash } from 'node:crypto';
import { ApiError, isApiError, rfc3339 } from '@tugboat/api';
import type { Event } from '@tugboat/api';
import type { NodeServiceContext } from './context.js';
import { AGENT_MANAGER } from './context.js';
import { assertPodOnNode } from './identity.js';

export async function recordEvents(ctx: NodeServiceContext, node: string, events: Event[]): Promise<void> {
  for (const ev of events) {
    try {
      await recordOne(ctx, node, ev);
    } catch (err) {
      if (isApiError(err, 'Forbidden') || isApiError(err, 'Invalid')) throw err;
      // Events are best effort: one that cannot be written must not fail the others. The pod may
      // be gone already (Killing is reported as it goes).
      const level = isApiError(err, 'NotFound') ? 'debug' : 'warn';
      ctx.log[level]({ err, node, reason: ev.reason }, 'event dropped');
    }
  }
}

function authorize(ctx: NodeServiceContext, node: string, ev: Event): string {
  const inv = ev.involvedObject ?? {};
  if (inv.kind === 'Node') {
    if (inv.name !== node) throw new ApiError('Forbidden', `node "${node}" cannot record events about node "${inv.name ?? ''}"`);
    return 'default';
  }
  if (inv.kind !== 'Pod' || !inv.namespace || !inv.name) throw new ApiError('Forbidden', 'nodes may record events about themselves and their pods only');
  const pod = ctx.storage.byKind('Pod').cache.get(`${inv.namespace}/${inv.name}`)?.obj;
  if (!pod) throw new ApiError('NotFound', `pod "${inv.namespace}/${inv.name}" not found`);
  assertPodOnNode(pod, node);
  return inv.namespace;
}

async function recordOne(ctx: NodeServiceContext, node: string, ev: Event): Promise<void> {
  const namespace = authorize(ctx, node, ev);
  const inv = ev.involvedObject;
  const digest = createHash('sha256').update(`${inv.uid ?? ''}\0${ev.reason ?? ''}\0${ev.message ?? ''}\0${inv.fieldPath ?? ''}`).digest('hex').slice(0, 16);
  const name = `${inv.name}.${digest}`;
  const now = rfc3339();
  await ctx.storage.byKind('Event').update(
    namespace,
    name,
    (current) => {
      if (!current) {
        return {
          ...ev,
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name, namespace },
          source: { component: 'tug-agent', host: node },
          reportingComponent: 'tug-agent',
          reportingInstance: node,
          firstTimestamp: ev.firstTimestamp ?? now,
          lastTimestamp: ev.lastTimestamp ?? now,
          count: 1,
          type: ev.type ?? 'Normal',
        } as Event;
      }
      const prev = current as Event;
      return { ...structuredClone(prev), metadata: { ...prev.metadata, resourceVersion: undefined }, count: (prev.count ?? 1) + 1, lastTimestamp: now } as Event;
    },
    { allowCreate: true, fieldManager: AGENT_MANAGER },
  );
}
