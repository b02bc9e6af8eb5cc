import { describe, expect, it } from 'vitest';
import { cpuCeiling, cpuPerOp, totalMsPerOp } from './stats-cpu.js';

describe('CPU per operation', () => {
  const before = { client: 1, apiserver: 10, etcd: 2 };
  const after = { client: 1.5, apiserver: 12, etcd: 2.5 };

  it('is given per process', () => {
    expect(cpuPerOp(before, after, 1000)).toBe('client 0.50 + apiserver 2.00 + etcd 0.50 ms');
  });

  it('adds up across processes', () => {
    expect(totalMsPerOp(before, after, 1000)).toBeCloseTo(3);
  });
});

describe('cpuCeiling', () => {
  it('is the cores left over the CPU one operation costs', () => {
    expect(cpuCeiling(2, 2)).toBe(1000);
    expect(cpuCeiling(2, 2, 0.5)).toBe(750);
  });

  it('has no ceiling when an operation costs nothing, and none left when other work takes every core', () => {
    expect(cpuCeiling(2, 0)).toBe(Infinity);
    expect(cpuCeiling(2, 1, 3)).toBe(0);
  });
});
