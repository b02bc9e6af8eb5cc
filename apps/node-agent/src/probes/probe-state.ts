/**
 * Probe result bookkeeping (kubelet prober/worker): a result only flips after successThreshold
 * consecutive successes or failureThreshold consecutive failures. Before the first verdict readiness
 * is false, liveness is true (a container is alive until proven otherwise) and startup is pending.
 */
import type { Probe } from '@tugboat/api';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeTally {
  /** undefined while no verdict has been reached */
  result: boolean | undefined;
  successes: number;
  failures: number;
}

export interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
}

export function probeTiming(p: Probe, kind: ProbeKind): ProbeTiming {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    timeoutMs: Math.max(1, p.timeoutSeconds ?? 1) * 1000,
    // liveness and startup must have successThreshold 1 (API validation); enforce it here too.
    successThreshold: kind === 'readiness' ? Math.max(1, p.successThreshold ?? 1) : 1,
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
  };
}

export function initialTally(kind: ProbeKind): ProbeTally {
  return { result: kind === 'liveness' ? true : kind === 'readiness' ? false : undefined, successes: 0, failures: 0 };
}

export function recordProbe(t: ProbeTally, success: boolean, timing: Pick<ProbeTiming, 'successThreshold' | 'failureThreshold'>): ProbeTally {
  const successes = success ? t.successes + 1 : 0;
  const failures = success ? 0 : t.failures + 1;
  let result = t.result;
  if (success && successes >= timing.successThreshold) result = true;
  if (!success && failures >= timing.failureThreshold) result = false;
  return { result, successes, failures };
}
