import { describe, expect, it } from 'vitest';
import { RECONNECT_BACKOFF, RETRY_BACKOFF, backoffDelay } from './backoff.js';
import { ItemExponentialRateLimiter } from './rate-limiter.js';

describe('backoffDelay', () => {
  it('doubles from 1 s to a 30 s cap for reconnects', () => {
    const noJitter = (): number => 0;
    const delays = [1, 2, 3, 4, 5, 6, 7, 50, 5000].map((n) => backoffDelay(RECONNECT_BACKOFF, n, noJitter));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
  });

  it('adds at most the jitter fraction on top', () => {
    expect(backoffDelay(RECONNECT_BACKOFF, 1, () => 0.5)).toBe(1100);
    expect(backoffDelay(RECONNECT_BACKOFF, 10, () => 0.999)).toBeLessThan(36_000);
  });
});

describe('ItemExponentialRateLimiter', () => {
  it('grows per key from 5 ms to 1000 s and resets on forget', () => {
    const rl = new ItemExponentialRateLimiter(RETRY_BACKOFF);
    expect([rl.when('a'), rl.when('a'), rl.when('a')]).toEqual([5, 10, 20]);
    expect(rl.when('b')).toBe(5);
    expect(rl.numRequeues('a')).toBe(3);
    for (let i = 0; i < 40; i++) rl.when('a');
    expect(rl.when('a')).toBe(1_000_000);
    rl.forget('a');
    expect(rl.numRequeues('a')).toBe(0);
    expect(rl.when('a')).toBe(5);
  });
});
