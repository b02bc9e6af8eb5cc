import { describe, expect, it } from 'vitest';
import { makePod } from '../testing/fixtures.js';
import { failedSchedulingEvent } from './failed-scheduling-event.js';

describe('failedSchedulingEvent', () => {
  it('is a Warning about the pod from default-scheduler', () => {
    const ev = failedSchedulingEvent(makePod('web'), '0/1 nodes are available: 1 Too many pods.', { now: new Date(0), instance: 'sched-a' });
    expect(ev).toMatchObject({
      reason: 'FailedScheduling',
      type: 'Warning',
      message: '0/1 nodes are available: 1 Too many pods.',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'uid-web' },
      source: { component: 'default-scheduler' },
      reportingComponent: 'default-scheduler',
      reportingInstance: 'sched-a',
      metadata: { namespace: 'default' },
    });
    expect(ev.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
  });

  it('gives two events in the same millisecond different names', () => {
    const a = failedSchedulingEvent(makePod('web'), 'm', { now: new Date(5), instance: 'i' });
    const b = failedSchedulingEvent(makePod('web'), 'm', { now: new Date(5), instance: 'i' });
    expect(a.metadata.name).not.toBe(b.metadata.name);
  });
});
