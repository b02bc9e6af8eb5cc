/**
 * Back-off arithmetic, kept pure so it is tested without clocks. Two users: the informer's reconnect
 * delay (1 s doubling to 30 s, as kubernetes-client/javascript's ListWatch, plus jitter so a fleet of
 * clients does not reconnect in lockstep after an apiserver restart) and the work queue's per-key
 * retry delay (5 ms doubling to 1000 s, client-go's DefaultItemBasedRateLimiter).
 */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** extra random fraction of the delay added on top (0.2 → up to +20 %) */
  readonly jitter: number;
}

export const RECONNECT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, jitter: 0.2 };
export const RETRY_BACKOFF: BackoffPolicy = { initialMs: 5, maxMs: 1_000_000, jitter: 0 };

/** Delay before retry number `attempt` (1-based): initial·2^(attempt-1), capped, plus jitter. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.max(0, attempt - 1);
  // 2^exp overflows to Infinity for huge exp; min() still caps it.
  const base = Math.min(policy.initialMs * 2 ** exp, policy.maxMs);
  return base + base * policy.jitter * random();
}
