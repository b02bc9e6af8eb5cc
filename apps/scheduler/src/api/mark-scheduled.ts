/**
 * After binding a pod that had been reported unschedulable, set PodScheduled=True. Kubernetes'
 * apiserver does this as part of the binding; Tugboat's does not (yet), so the scheduler does it,
 * only for those pods, so the common case stays one write per pod.
 */
import type { Pod } from '@tugboat/api';
import type { RestClient } from '@tugboat/client';
import { PODS } from './resources.js';
import { needsScheduledCondition, scheduledCondition } from './unschedulable-condition.js';

export async function markScheduled(client: RestClient, pod: Pod, now = new Date()): Promise<boolean> {
  if (!needsScheduledCondition(pod)) return false;
  const { namespace, name } = pod.metadata;
  const patch = { status: { conditions: [scheduledCondition(now)] } };
  await client.patch({ resource: PODS, namespace, name: name! }, 'strategic', patch, { subresource: 'status', fieldManager: 'default-scheduler' });
  return true;
}
