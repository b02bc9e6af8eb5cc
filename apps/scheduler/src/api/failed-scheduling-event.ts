/** The `FailedScheduling` Warning Event about a pod, shaped as kube-scheduler's recorder makes it. */
import type { Event, Pod } from '@tugboat/api';
import { DEFAULT_SCHEDULER_NAME } from './resources.js';

export const FAILED_SCHEDULING = 'FailedScheduling';

let sequence = 0;

/** `<pod>.<hex nanoseconds>` as client-go's recorder names events; a counter keeps same-ms names apart. */
function eventName(podName: string, now: Date): string {
  const nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(sequence++ % 1_000_000);
  return `${podName}.${nanos.toString(16)}`;
}

export function failedSchedulingEvent(pod: Pod, message: string, opts: { now: Date; instance: string }): Event {
  const { namespace, name, uid, resourceVersion } = pod.metadata;
  const time = opts.now.toISOString();
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: eventName(name!, opts.now), namespace },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace, name, uid, resourceVersion },
    reason: FAILED_SCHEDULING,
    message,
    type: 'Warning',
    action: 'Scheduling',
    source: { component: DEFAULT_SCHEDULER_NAME },
    reportingComponent: DEFAULT_SCHEDULER_NAME,
    reportingInstance: opts.instance,
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
  };
}
