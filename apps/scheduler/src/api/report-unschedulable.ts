/**
 * Telling the user why a pod is pending: the PodScheduled=False condition through pods/status
 * (a strategic merge patch, so other conditions stay) and a FailedScheduling Event. Nothing is
 * written when the pod already carries the same message.
 */
import type { Pod } from '@tugboat/api';
import type { RestClient } from '@tugboat/client';
import { failedSchedulingEvent } from './failed-scheduling-event.js';
import { EVENTS, PODS } from './resources.js';
import { alreadyReported, unschedulableCondition } from './unschedulable-condition.js';

export interface ReportOptions {
  client: RestClient;
  /** this scheduler's identity, the event's reportingInstance */
  instance: string;
  now?: () => Date;
}

/** Returns false when the pod already said so and nothing was written. */
export async function reportUnschedulable(opts: ReportOptions, pod: Pod, message: string): Promise<boolean> {
  if (alreadyReported(pod, message)) return false;
  const now = opts.now?.() ?? new Date();
  const { namespace, name } = pod.metadata;
  const patch = { status: { conditions: [unschedulableCondition(pod, message, now)] } };
  await opts.client.patch({ resource: PODS, namespace, name: name! }, 'strategic', patch, { subresource: 'status', fieldManager: 'default-scheduler' });
  await opts.client.create(EVENTS, failedSchedulingEvent(pod, message, { now, instance: opts.instance }), { namespace });
  return true;
}
