import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchedulingQueue } from './scheduling-queue.js';

describe('SchedulingQueue', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps unschedulable pods aside until something moves them back', async () => {
    const q = new SchedulingQueue();
    q.add('a');
    expect(await q.get()).toBe('a');
    q.markUnschedulable('a');
    q.done('a');
    expect(q.counts()).toEqual({ active: 0, unschedulable: 1 });
    q.moveAllToActive();
    expect(q.counts()).toEqual({ active: 1, unschedulable: 0 });
    q.close();
  });

  it('flushes pods that sat unschedulable too long', () => {
    vi.useFakeTimers();
    let now = 0;
    const q = new SchedulingQueue({ flushIntervalMs: 1000, maxUnschedulableMs: 5000, now: () => now });
    q.markUnschedulable('a');
    now = 3000;
    q.markUnschedulable('b');
    now = 5000;
    vi.advanceTimersByTime(1000);
    expect(q.counts()).toEqual({ active: 1, unschedulable: 1 });
    q.close();
  });

  it('remembers when a pod was first seen until it is finished', () => {
    let now = 100;
    const q = new SchedulingQueue({ now: () => now });
    q.add('a');
    now = 200;
    q.add('a');
    expect(q.finished('a')).toBe(100);
    expect(q.finished('a')).toBeUndefined();
    q.close();
  });
});
