import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './work-queue.js';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('KeyedQueue', () => {
  it('never runs a key twice at once and folds enqueues during a run into one rerun', async () => {
    let active = 0, maxActive = 0, runs = 0;
    const q = new KeyedQueue({
      handler: async () => {
        active++; runs++;
        maxActive = Math.max(maxActive, active);
        await tick(20);
        active--;
      },
      onError: () => {},
    });
    q.start();
    q.enqueue('a');
    await tick();
    q.enqueue('a'); q.enqueue('a'); q.enqueue('a');
    await tick(80);
    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
    await q.close();
  });

  it('holds work until start and retries failures', async () => {
    const seen: string[] = [];
    let fail = true;
    const q = new KeyedQueue({
      handler: async (k) => {
        seen.push(k);
        if (fail) { fail = false; throw new Error('boom'); }
      },
      onError: () => {},
      retryInitialMs: 10,
    });
    q.enqueue('x');
    await tick(20);
    expect(seen).toEqual([]);
    q.start();
    await tick(60);
    expect(seen).toEqual(['x', 'x']);
    await q.close();
  });

  it('keeps the earliest delayed enqueue and drops timers on close', async () => {
    const seen: number[] = [];
    const t0 = Date.now();
    const q = new KeyedQueue({ handler: async () => { seen.push(Date.now() - t0); }, onError: () => {} });
    q.start();
    q.enqueueAfter('k', 200);
    q.enqueueAfter('k', 20);
    await tick(100);
    expect(seen.length).toBe(1);
    q.enqueueAfter('k', 50);
    await q.close();
    await tick(80);
    expect(seen.length).toBe(1);
  });
});
