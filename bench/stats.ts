/** Latency recording and percentiles for the benchmarks. Times are milliseconds. */

/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/** The p-th percentile (0–100) of ascending `sorted` by nearest rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface Summary {
  count: number;
  errors: number;
  /** wall-clock time of the whole run, ms */
  elapsedMs: number;
  /** successful operations per second over elapsedMs */
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export class LatencyRecorder {
  private readonly samples: number[] = [];
  errors = 0;
  firstError: unknown;

  record(ms: number): void {
    this.samples.push(ms);
  }

  fail(err: unknown): void {
    if (this.errors++ === 0) this.firstError = err;
  }

  /** time one call; a throw is counted as an error and not as a sample */
  async time<T>(fn: () => Promise<T>): Promise<T | undefined> {
    const t0 = performance.now();
    try {
      const out = await fn();
      this.record(performance.now() - t0);
      return out;
    } catch (err) {
      this.fail(err);
      return undefined;
    }
  }

  get count(): number {
    return this.samples.length;
  }

  summary(elapsedMs: number): Summary {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return {
      count: sorted.length,
      errors: this.errors,
      elapsedMs,
      perSecond: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : NaN,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    };
  }
}

/**
 * Run `total` calls of `fn(i)` with at most `concurrency` in flight, stopping early (no new calls)
 * once `deadlineMs` has passed. Returns the wall-clock time, ms.
 */
export async function runBounded(
  total: number,
  concurrency: number,
  deadlineMs: number,
  fn: (i: number) => Promise<void>,
): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total && performance.now() - t0 < deadlineMs) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return performance.now() - t0;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * Events per second in each whole second after `from` (the last, partial second at its own length):
 * a phase's figure is one average, and this shows its ramp and its stalls.
 */
export function perSecondSeries(times: readonly number[], from: number): number[] {
  const counts: number[] = [];
  let last = from;
  for (const t of times) {
    const i = Math.max(0, Math.floor((t - from) / 1000));
    counts[i] = (counts[i] ?? 0) + 1;
    last = Math.max(last, t);
  }
  const series = Array.from(counts, (n) => n ?? 0);
  const tailMs = last - from - (series.length - 1) * 1000;
  if (series.length > 0 && tailMs > 0 && tailMs < 1000) series[series.length - 1] = Math.round((series[series.length - 1]! * 1000) / tailMs);
  return series;
}
