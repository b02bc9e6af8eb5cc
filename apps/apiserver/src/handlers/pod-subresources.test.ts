import { describe, expect, it } from 'vitest';
import { scheduled } from './pod-subresources.js';

const now = new Date('2026-11-22T10:00:00.123Z');

describe('scheduled (the binding sets PodScheduled=True)', () => {
  it('adds the condition to a pod that has none', () => {
    expect(scheduled({ phase: 'Pending' }, now)).toEqual({
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-22T10:00:00Z' }],
    });
  });

  it('replaces the scheduler\'s Unschedulable condition, reason and message included', () => {
    const before = { phase: 'Pending' as const, conditions: [
      { type: 'Ready', status: 'False' as const },
      { type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: '0/1 nodes are available', lastTransitionTime: '2026-11-22T09:00:00Z' },
    ] };
    const after = scheduled(before, now);
    expect(after.conditions).toEqual([
      { type: 'Ready', status: 'False' },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-22T10:00:00Z' },
    ]);
    expect(before.conditions[1]!.status).toBe('False');
  });

  it('keeps the transition time of a condition that was already True', () => {
    const before = { conditions: [{ type: 'PodScheduled', status: 'True' as const, lastTransitionTime: '2026-11-22T08:00:00Z' }] };
    expect(scheduled(before, now).conditions![0]!.lastTransitionTime).toBe('2026-11-22T08:00:00Z');
  });
});
