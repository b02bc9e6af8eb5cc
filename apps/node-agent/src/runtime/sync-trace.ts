/**
 * Where one sync's time went, step by step (observe, image, create, start, inspect, status, ...),
 * plus how long the pod waited in the queue before it: the agent's share of a pod's start-up, in
 * its debug log, and at info level when a sync is slow.
 */
export const SLOW_SYNC_MS = 2000;

export class SyncTrace {
  private readonly t0 = performance.now();
  private last = this.t0;
  private readonly steps: Record<string, number> = {};

  constructor(private readonly queuedMs: number) {}

  /** The time since the previous mark goes to `step` (added up when a step comes again). */
  mark(step: string): void {
    const now = performance.now();
    this.steps[step] = (this.steps[step] ?? 0) + now - this.last;
    this.last = now;
  }

  get totalMs(): number {
    return performance.now() - this.t0;
  }

  /** For the log line: whole milliseconds. */
  toJSON(): { queuedMs: number; totalMs: number; steps: Record<string, number> } {
    const steps = Object.fromEntries(Object.entries(this.steps).map(([k, v]) => [k, Math.round(v)]));
    return { queuedMs: Math.round(this.queuedMs), totalMs: Math.round(this.totalMs), steps };
  }
}
