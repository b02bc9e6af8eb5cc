/** Jittered exponential back-off for reconnecting: many agents must not come back in lockstep. */
export interface ReconnectPolicy {
  initialMs: number;
  maxMs: number;
}

export const RECONNECT: ReconnectPolicy = { initialMs: 500, maxMs: 15_000 };

/** attempt 0 → ~initial; doubling to max; ±50 % jitter. `random` is injectable for tests. */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy = RECONNECT, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(base * (0.5 + random()));
}
