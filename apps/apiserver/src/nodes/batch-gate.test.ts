import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchGate } from './batch-gate.js';

describe('BatchGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets everyone who waited within one delay through together, then starts a new batch', async () => {
    const gate = new BatchGate(200);
    const passed: string[] = [];
    void gate.wait().then(() => passed.push('a'));
    await vi.advanceTimersByTimeAsync(150);
    void gate.wait().then(() => passed.push('b'));
    expect(passed).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(passed).toEqual(['a', 'b']);

    void gate.wait().then(() => passed.push('c'));
    await vi.advanceTimersByTimeAsync(199);
    expect(passed).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1);
    expect(passed).toEqual(['a', 'b', 'c']);
  });

  it('close() lets the waiting through at once, and later waiters do not wait', async () => {
    const gate = new BatchGate(200);
    const passed: string[] = [];
    void gate.wait().then(() => passed.push('a'));
    gate.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toEqual(['a']);
    void gate.wait().then(() => passed.push('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
