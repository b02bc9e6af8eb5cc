/**
 * Per-key failure counting for the work queue: the delay grows with each consecutive failure of one
 * key and resets on forget(). Only the per-item limiter of client-go is implemented, not its global
 * token bucket (10 qps / 100 burst): our controllers are few and a shared bucket would let one
 * hot-failing key slow every other key.
 */
import { RETRY_BACKOFF, backoffDelay } from './backoff.js';
import type { BackoffPolicy } from './backoff.js';

export interface RateLimiter {
  /** delay before the next retry of `key`; counts one more failure */
  when(key: string): number;
  forget(key: string): void;
  numRequeues(key: string): number;
}

export class ItemExponentialRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();

  constructor(private readonly policy: BackoffPolicy = RETRY_BACKOFF) {}

  when(key: string): number {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    return backoffDelay(this.policy, n);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
