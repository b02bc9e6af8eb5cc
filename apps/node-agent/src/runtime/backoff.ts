/**
 * Per-key exponential back-off as the kubelet keeps it (util/flowcontrol.Backoff): the first failure
 * restarts at once and arms `initial`; a failure while armed waits for the current delay, and the
 * next restart doubles it up to `max`. An entry idle for 2×max, or a container that ran for the
 * reset window (10 min), starts over.
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

interface Entry {
  delayMs: number;
  lastUpdate: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 10_000, maxMs: 300_000 };
export const BACKOFF_RESET_AFTER_RUN_MS = 10 * 60_000;

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && this.now() - e.lastUpdate > 2 * this.policy.maxMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  /** Milliseconds still to wait after a failure at `failedAt`, or 0 when a retry may go now. */
  remaining(key: string, failedAt: number): number {
    const e = this.live(key);
    if (!e) return 0;
    return Math.max(0, failedAt + e.delayMs - this.now());
  }

  /** The delay currently armed for the key (what the CrashLoopBackOff message quotes). */
  delay(key: string): number {
    return this.live(key)?.delayMs ?? 0;
  }

  /** Record a retry: arm `initial` the first time, else double up to max. */
  next(key: string): void {
    const e = this.live(key);
    const delayMs = e ? Math.min(e.delayMs * 2, this.policy.maxMs) : this.policy.initialMs;
    this.entries.set(key, { delayMs, lastUpdate: this.now() });
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Forget every key with this prefix (a pod that is gone). */
  forgetPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}

/** Go's time.Duration formatting for whole seconds/minutes as the kubelet prints them: 10s, 1m20s, 5m0s. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return ms % 1000 === 0 || s >= 1 ? `${s}s` : `${ms}ms`;
  return `${Math.floor(s / 60)}m${s % 60}s`;
}
