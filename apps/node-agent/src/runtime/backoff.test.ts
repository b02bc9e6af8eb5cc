import { describe, expect, it } from 'vitest';
import { Backoff, formatDuration } from './backoff.js';

describe('Backoff', () => {
  it('lets the first retry go at once, then doubles the delay up to max', () => {
    let now = 0;
    const b = new Backoff({ initialMs: 10_000, maxMs: 40_000 }, () => now);
    expect(b.remaining('c', 0)).toBe(0);
    b.next('c');
    expect(b.delay('c')).toBe(10_000);
    now = 3_000;
    expect(b.remaining('c', 2_000)).toBe(9_000);
    now = 12_000;
    expect(b.remaining('c', 2_000)).toBe(0);
    b.next('c');
    b.next('c');
    b.next('c');
    expect(b.delay('c')).toBe(40_000);
  });

  it('forgets a key idle for twice the max, and on reset', () => {
    let now = 0;
    const b = new Backoff({ initialMs: 1_000, maxMs: 2_000 }, () => now);
    b.next('a');
    b.next('a');
    now = 5_000;
    expect(b.delay('a')).toBe(0);
    b.next('b');
    b.reset('b');
    expect(b.delay('b')).toBe(0);
    b.next('pod1/x');
    b.forgetPrefix('pod1/');
    expect(b.delay('pod1/x')).toBe(0);
  });
});

describe('formatDuration', () => {
  it('prints like Go durations', () => {
    expect(formatDuration(10_000)).toBe('10s');
    expect(formatDuration(80_000)).toBe('1m20s');
    expect(formatDuration(300_000)).toBe('5m0s');
    expect(formatDuration(200)).toBe('200ms');
  });
});
