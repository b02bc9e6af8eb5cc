/**
 * A counting semaphore for the binds in flight: acquire() resolves once fewer than `limit` are
 * held, release() frees one and hands it to the longest waiter. O(1) per call, unlike racing
 * every in-flight promise each time one slot is wanted (which also piles handlers onto them).
 */
export class Slots {
  private held = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`slots: limit must be at least 1, got ${limit}`);
  }

  /** Resolves holding a slot; call release() exactly once for it. */
  acquire(): Promise<void> {
    if (this.held < this.limit) {
      this.held++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) return next(); // the slot passes straight to the waiter: `held` is unchanged
    this.held--;
    if (this.held === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  inUse(): number {
    return this.held;
  }

  /** Resolves once no slot is held. */
  idle(): Promise<void> {
    if (this.held === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
