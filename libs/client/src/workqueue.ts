/**
 * A keyed work queue with client-go's guarantees (util/workqueue/queue.go):
 * - dedup: a key that is already waiting is not queued twice (the `dirty` set);
 * - exclusivity: a key being processed (the `processing` set) is never handed to a second worker;
 *   if it is re-added meanwhile it stays dirty and is queued again on done();
 * - delayed and rate-limited adds, whose timers are owned here and cleared on shutdown.
 */
import { ItemExponentialRateLimiter } from './rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

type State = 'running' | 'draining' | 'shutdown';

export interface WorkQueueOptions {
  rateLimiter?: RateLimiter;
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly delayed = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();
  private readonly getters: ((key: string | undefined) => void)[] = [];
  private readonly drainWaiters: (() => void)[] = [];
  private readonly limiter: RateLimiter;
  private state: State = 'running';

  constructor(opts: WorkQueueOptions = {}) {
    this.limiter = opts.rateLimiter ?? new ItemExponentialRateLimiter();
  }

  add(key: string): void {
    if (this.state !== 'running' || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return; // done() will queue it
    this.queue.push(key);
    this.handOut();
  }

  /** Add after `ms`; of several pending delays for one key the earliest wins. */
  addAfter(key: string, ms: number): void {
    if (this.state !== 'running') return;
    if (ms <= 0) return this.add(key);
    const at = Date.now() + ms;
    const pending = this.delayed.get(key);
    if (pending && pending.at <= at) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, ms);
    this.delayed.set(key, { at, timer });
  }

  addRateLimited(key: string): void {
    this.addAfter(key, this.limiter.when(key));
  }

  /** Reset the key's failure count (call after a successful reconcile). */
  forget(key: string): void {
    this.limiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.limiter.numRequeues(key);
  }

  /** Next key to process, or undefined once the queue is shut down (or draining and empty). */
  get(): Promise<string | undefined> {
    const key = this.take();
    if (key !== undefined || this.state !== 'running') return Promise.resolve(key);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Must be called once per key returned by get(), whatever the outcome. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key) && this.state !== 'shutdown') {
      this.queue.push(key);
      this.handOut();
    }
    this.checkDrained();
  }

  len(): number {
    return this.queue.length;
  }

  isShuttingDown(): boolean {
    return this.state !== 'running';
  }

  /** Stop now: queued and delayed keys are dropped; keys being processed may still call done(). */
  shutDown(): void {
    this.state = 'shutdown';
    this.clearDelayed();
    this.queue.length = 0;
    this.dirty.clear();
    this.releaseGetters();
    this.checkDrained();
  }

  /** Stop accepting keys, let workers finish what is queued and in flight, then resolve. */
  shutDownWithDrain(): Promise<void> {
    if (this.state === 'running') this.state = 'draining';
    this.clearDelayed();
    const done = new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    if (this.queue.length === 0) this.releaseGetters();
    this.checkDrained();
    return done;
  }

  private take(): string | undefined {
    const key = this.queue.shift();
    if (key === undefined) return undefined;
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }

  private handOut(): void {
    while (this.getters.length > 0 && this.queue.length > 0) {
      const getter = this.getters.shift();
      getter?.(this.take());
    }
  }

  private releaseGetters(): void {
    for (const getter of this.getters.splice(0)) getter(undefined);
  }

  private clearDelayed(): void {
    for (const { timer } of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
  }

  private checkDrained(): void {
    if (this.state === 'running' || this.queue.length > 0 || this.processing.size > 0) return;
    this.state = 'shutdown';
    this.releaseGetters();
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
