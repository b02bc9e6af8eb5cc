/**
 * One start-up's milestones, and the pod start-up benchmark's report of them: the two paths' totals
 * next to each other against the target, and each phase's p50/p99 from Docker's event times.
 */
import type { Row } from './report.js';
import { fmtMs, percentile } from './stats.js';

/** The target: the pod path's p99 at most this much over the direct path's. */
const TARGET_EXTRA_MS = 300;

/** Milestones of one start-up, ms since the first request (create POST / sandbox create call). */
export interface Trace {
  total: number;
  /** agent path: the pod's name and the wall-clock time of its POST */
  name?: string;
  t0?: number;
  /** the POST returned (agent path only) */
  posted?: number;
  sandboxCreated?: number;
  sandboxStarted?: number;
  appCreated?: number;
  appStarted?: number;
  /** first status written by the agent seen on the watch (agent path only) */
  firstStatus?: number;
}

function pct(xs: (number | undefined)[]): { p50: number; p99: number; n: number } {
  const s = xs.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), n: s.length };
}

const both = (xs: (number | undefined)[]) => {
  const { p50, p99 } = pct(xs);
  return `p50 ${fmtMs(p50)}  p99 ${fmtMs(p99)}`;
};

/** Phase intervals of each trace: [label, (trace) => ms]. */
const PHASES: [string, (t: Trace) => number | undefined][] = [
  ['  request → sandbox created', (t) => t.sandboxCreated],
  ['  sandbox create → started', (t) => diff(t.sandboxStarted, t.sandboxCreated)],
  ['  sandbox started → app created', (t) => diff(t.appCreated, t.sandboxStarted)],
  ['  app create → started', (t) => diff(t.appStarted, t.appCreated)],
  ['  app started → Ready on the watch', (t) => diff(t.total, t.appStarted)],
];

const signed = (ms: number) => `${ms < 0 ? '-' : '+'}${fmtMs(Math.abs(ms))}`;

function diff(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

export interface Measured {
  base: Trace[];
  pods: Trace[];
  /** CPU per pod start-up by process, as text */
  cpu: string;
  /** how many pods were to start: a run with fewer traces fails the target */
  expected: number;
}

export function report(rows: Row[], { base, pods, cpu, expected }: Measured): void {
  const b = pct(base.map((t) => t.total));
  const a = pct(pods.map((t) => t.total));
  rows.push(
    { name: `baseline: dockerode sandbox+app, create → both started (${b.n})`, value: both(base.map((t) => t.total)) },
    { name: `pod create → Ready=True on a watch (${a.n})`, value: both(pods.map((t) => t.total)) },
    { name: 'difference, p50', value: signed(a.p50 - b.p50) },
    { name: 'difference, p99', value: signed(a.p99 - b.p99), target: `<= +${TARGET_EXTRA_MS} ms`, pass: a.p99 - b.p99 <= TARGET_EXTRA_MS && a.n === expected },
    { name: 'phases of the pod path (Docker event times)', value: '' },
    { name: '  POST /pods answered', value: both(pods.map((t) => t.posted)) },
    ...PHASES.map(([name, f]) => ({ name, value: both(pods.map(f)) })),
    { name: '  request → first status from the agent', value: both(pods.map((t) => t.firstStatus)) },
    { name: 'phases of the baseline', value: '' },
    ...PHASES.slice(0, 4).map(([name, f]) => ({ name: name.replace('request', 'first call'), value: both(base.map(f)) })),
    { name: 'CPU per pod start-up, by process', value: cpu },
  );
}
