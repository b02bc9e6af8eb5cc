/**
 * Level-triggered keyed work queue: `enqueue(key)` asks for one more run of the handler for that key.
 * A key never runs twice at once; enqueues during a run fold into one rerun after it. Delayed
 * enqueues keep only the earliest timer per key. A failing run is retried with a doubling delay.
 * The handler learns how long the key waited since it was first asked for (queue latency).
 */
export interface QueueOptions {
  handler(key: string, waitedMs: number): Promise<void>;
  onError(key: string, err: unknown): void;
  retryInitialMs?: number;
  retryMaxMs?: number;
}

export class KeyedQueue {
  private readonly running = new Map<string, Promise<void>>();
  /** key → when it became dirty (performance.now()) */
  private readonly dirty = new Map<string, number>();
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly failures = new Map<string, number>();
  private started = false;
  private closed = false;

  constructor(private readonly opts: QueueOptions) {}

  /** Runs are held back until start() (the runtime's initial scan must finish first). */
  start(): void {
    this.started = true;
    for (const key of [...this.dirty.keys()]) this.kick(key);
  }

  enqueue(key: string): void {
    if (this.closed) return;
    if (!this.dirty.has(key)) this.dirty.set(key, performance.now());
    if (this.started) this.kick(key);
  }

  enqueueAfter(key: string, delayMs: number): void {
    if (this.closed) return;
    const at = Date.now() + delayMs;
    const existing = this.timers.get(key);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.enqueue(key);
    }, Math.max(0, delayMs));
    this.timers.set(key, { at, timer });
  }

  /** Stop taking work and wait for the runs in flight. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
    this.dirty.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  private kick(key: string): void {
    const since = this.dirty.get(key);
    if (this.closed || this.running.has(key) || since === undefined) return;
    this.dirty.delete(key);
    const run = this.opts.handler(key, performance.now() - since).then(
      () => {
        this.failures.delete(key);
      },
      (err: unknown) => {
        this.opts.onError(key, err);
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        const initial = this.opts.retryInitialMs ?? 1000;
        this.enqueueAfter(key, Math.min(initial * 2 ** (n - 1), this.opts.retryMaxMs ?? 30_000));
      },
    ).finally(() => {
      this.running.delete(key);
      this.kick(key);
    });
    this.running.set(key, run);
  }
}
