import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.js';

describe('reconnectDelay', () => {
  it('doubles from the initial delay up to the maximum, with ±50 % jitter', () => {
    const policy = { initialMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 10].map((a) => reconnectDelay(a, policy, () => 0.5))).toEqual([100, 200, 400, 800, 1000]);
    expect(reconnectDelay(0, policy, () => 0)).toBe(50);
    expect(reconnectDelay(10, policy, () => 0.999)).toBeLessThan(1500);
  });
});
