import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkQueue } from './workqueue.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WorkQueue', () => {
  it('dedups keys that are already waiting and keeps FIFO order', async () => {
    const q = new WorkQueue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect(q.len()).toBe(3);
    expect([await q.get(), await q.get(), await q.get()]).toEqual(['a', 'b', 'c']);
  });

  it('never hands a key being processed to another worker; re-adds are queued on done', async () => {
    const q = new WorkQueue();
    q.add('a');
    const first = await q.get();
    q.add('a');
    expect(q.len()).toBe(0);
    let second: string | undefined = 'pending';
    const waiting = q.get().then((k) => (second = k));
    await Promise.resolve();
    expect(second).toBe('pending');
    q.done(first!);
    await waiting;
    expect(second).toBe('a');
  });

  it('wakes a waiting worker on add', async () => {
    const q = new WorkQueue();
    const got = q.get();
    q.add('x');
    expect(await got).toBe('x');
  });

  it('addAfter fires after the delay, and the earliest of several delays wins', async () => {
    const q = new WorkQueue();
    q.addAfter('a', 1000);
    q.addAfter('a', 100);
    q.addAfter('a', 5000);
    vi.advanceTimersByTime(99);
    expect(q.len()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(q.len()).toBe(1);
    expect(await q.get()).toBe('a');
    vi.advanceTimersByTime(10_000);
    expect(q.len()).toBe(0);
  });

  it('addRateLimited backs off per key until forget', () => {
    const q = new WorkQueue();
    q.addRateLimited('a'); // 5 ms
    q.addRateLimited('a'); // 10 ms, but the pending 5 ms one wins
    vi.advanceTimersByTime(5);
    expect(q.len()).toBe(1);
    expect(q.numRequeues('a')).toBe(2);
    q.forget('a');
    expect(q.numRequeues('a')).toBe(0);
  });

  it('shutDown drops queued and delayed keys, releases waiting workers and clears timers', async () => {
    const q = new WorkQueue();
    const waiting = q.get();
    q.shutDown();
    expect(await waiting).toBeUndefined();
    const q2 = new WorkQueue();
    q2.add('a');
    q2.addAfter('b', 1000);
    q2.shutDown();
    expect(vi.getTimerCount()).toBe(0);
    expect(await q2.get()).toBeUndefined();
    q2.add('c');
    expect(q2.len()).toBe(0);
  });

  it('shutDownWithDrain lets workers finish queued and in-flight keys', async () => {
    const q = new WorkQueue();
    q.add('a');
    q.add('b');
    const a = await q.get();
    q.add('a'); // dirty while processing: must still run once more
    let drained = false;
    const drain = q.shutDownWithDrain().then(() => (drained = true));
    q.add('late'); // refused
    expect(await q.get()).toBe('b');
    q.done('b');
    await Promise.resolve();
    expect(drained).toBe(false);
    q.done(a!);
    expect(await q.get()).toBe('a');
    expect(await q.get()).toBeUndefined();
    q.done('a');
    await drain;
    expect(drained).toBe(true);
  });
});
