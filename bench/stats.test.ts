import { describe, expect, it } from 'vitest';
import { LatencyRecorder, fmtMs, percentile, perSecondSeries, runBounded } from './stats.js';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('LatencyRecorder', () => {
  it('summarises samples and counts errors apart', async () => {
    const r = new LatencyRecorder();
    for (const ms of [5, 1, 3, 2, 4]) r.record(ms);
    await r.time(() => Promise.reject(new Error('boom')));
    const s = r.summary(500);
    expect(s).toMatchObject({ count: 5, errors: 1, p50: 3, p99: 5, max: 5, perSecond: 10 });
    expect((r.firstError as Error).message).toBe('boom');
  });
});

describe('runBounded', () => {
  it('runs every call with bounded concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await runBounded(20, 4, 10_000, async (i) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(4);
  });

  it('stops starting calls after the deadline', async () => {
    let calls = 0;
    await runBounded(1_000_000, 2, 20, async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(calls).toBeLessThan(100);
  });
});

describe('perSecondSeries', () => {
  it('counts events in each whole second after the start', () => {
    expect(perSecondSeries([1000, 1500, 1999, 2000, 2999, 3000, 3100, 3999], 1000)).toEqual([3, 2, 3]);
  });

  it('gives a last, partial second as a rate over its own length', () => {
    expect(perSecondSeries([1100, 1200, 1300, 1400, 2100, 2200, 2250], 1000)).toEqual([4, 12]);
  });

  it('shows a second with nothing in it as 0, and counts events before the start in the first second', () => {
    expect(perSecondSeries([900, 1500, 3500, 4000], 1000)).toEqual([2, 0, 1, 1]);
    expect(perSecondSeries([], 1000)).toEqual([]);
  });
});

describe('fmtMs', () => {
  it('formats by magnitude', () => {
    expect(fmtMs(1.234)).toBe('1.23 ms');
    expect(fmtMs(12.34)).toBe('12.3 ms');
    expect(fmtMs(123.4)).toBe('123 ms');
    expect(fmtMs(NaN)).toBe('-');
  });
});
