import { describe, expect, it } from 'vitest';
import { initialTally, probeTiming, recordProbe } from './probe-state.js';

describe('probe bookkeeping', () => {
  it('starts readiness false, liveness true and startup pending', () => {
    expect(initialTally('readiness').result).toBe(false);
    expect(initialTally('liveness').result).toBe(true);
    expect(initialTally('startup').result).toBeUndefined();
  });

  it('flips only after the thresholds of consecutive results', () => {
    const timing = probeTiming({ successThreshold: 2, failureThreshold: 2 }, 'readiness');
    let t = initialTally('readiness');
    t = recordProbe(t, true, timing);
    expect(t.result).toBe(false);
    t = recordProbe(t, true, timing);
    expect(t.result).toBe(true);
    t = recordProbe(t, false, timing);
    t = recordProbe(t, true, timing);
    t = recordProbe(t, false, timing);
    expect(t.result).toBe(true);
    t = recordProbe(t, false, timing);
    expect(t.result).toBe(false);
  });

  it('applies Kubernetes defaults and forces successThreshold 1 for liveness', () => {
    expect(probeTiming({ successThreshold: 3 }, 'liveness')).toEqual({ initialDelayMs: 0, periodMs: 10_000, timeoutMs: 1_000, successThreshold: 1, failureThreshold: 3 });
  });
});
