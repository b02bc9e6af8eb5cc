import { describe, expect, it } from 'vitest';
import type { ContainerStats } from './engine-types.js';
import { usageFromStats } from './stats.js';

const sample = (over: object) => ({
  read: '2026-01-01T00:00:01.000Z',
  preread: '2026-01-01T00:00:00.000Z',
  cpu_stats: { cpu_usage: { total_usage: 1_500_000_000 } },
  precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 } },
  memory_stats: { usage: 50_000_000, stats: { total_inactive_file: 10_000_000 } },
  ...over,
}) as unknown as ContainerStats;

describe('usageFromStats', () => {
  it('turns the cpu delta over the sample window into nanocores and subtracts inactive file pages', () => {
    expect(usageFromStats(sample({}))).toEqual({ cpuNanoCores: 500_000_000, memoryWorkingSetBytes: 40_000_000 });
  });
  it('reports no cpu without a previous sample (one-shot stats)', () => {
    expect(usageFromStats(sample({ precpu_stats: { cpu_usage: { total_usage: 0 } } })).cpuNanoCores).toBe(0);
  });
});
