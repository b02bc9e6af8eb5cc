import { describe, expect, it } from 'vitest';
import { makePod } from '../testing/fixtures.js';
import { alreadyReported, needsScheduledCondition, unschedulableCondition } from './unschedulable-condition.js';

describe('unschedulable condition', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('is PodScheduled=False, reason Unschedulable, with the message', () => {
    expect(unschedulableCondition(makePod('p'), 'why', now)).toEqual({
      type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'why', lastProbeTime: null, lastTransitionTime: now.toISOString(),
    });
  });

  it('keeps the transition time while the status stays False', () => {
    const pod = makePod('p');
    pod.status = { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'old', lastTransitionTime: '2025-01-01T00:00:00Z' }] };
    expect(unschedulableCondition(pod, 'new', now).lastTransitionTime).toBe('2025-01-01T00:00:00Z');
  });

  it('recognises a pod that already says exactly this', () => {
    const pod = makePod('p');
    pod.status = { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'why' }] };
    expect(alreadyReported(pod, 'why')).toBe(true);
    expect(alreadyReported(pod, 'another reason')).toBe(false);
    expect(alreadyReported(makePod('q'), 'why')).toBe(false);
  });
});

describe('scheduled condition', () => {
  it('is needed only by a pod that carries a PodScheduled condition that is not True', () => {
    const pod = makePod('p');
    expect(needsScheduledCondition(pod)).toBe(false);
    pod.status = { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] };
    expect(needsScheduledCondition(pod)).toBe(true);
    pod.status = { conditions: [{ type: 'PodScheduled', status: 'True' }] };
    expect(needsScheduledCondition(pod)).toBe(false);
  });
});
