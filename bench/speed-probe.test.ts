import { describe, expect, it } from 'vitest';
import { medianIn } from './speed-probe.js';

describe('speed probe', () => {
  it('takes the median of the samples inside the window only', () => {
    const samples = [
      { at: 900, cpuUs: 9_000 },
      { at: 1_000, cpuUs: 1_300 },
      { at: 1_250, cpuUs: 1_800 },
      { at: 1_500, cpuUs: 1_400 },
      { at: 2_100, cpuUs: 9_000 },
    ];
    expect(medianIn(samples, 1_000, 2_000)).toBe(1_400);
    expect(medianIn(samples, 3_000, 4_000)).toBeNaN();
  });
});
