/**
 * The slowest pod start-ups, explained: for each, its phases (Docker event times, ms since the
 * POST) next to the direct start-up measured just before it, and what the agent's log says about
 * that pod (its syncs with their step durations at LOG_LEVEL=debug, or only slow syncs at info),
 * with times relative to the POST. Printed after the table; for finding where a tail comes from.
 */
import { readFileSync } from 'node:fs';

export interface TailSample {
  name: string;
  /** wall-clock ms of the POST (comparable with pino's `time`) */
  t0: number;
  total: number;
  /** the direct start-up right before it */
  direct: number;
  phases: Record<string, number | undefined>;
}

interface LogLine {
  time: number;
  msg: string;
  pod?: string;
  [k: string]: unknown;
}

function linesOf(path: string): LogLine[] {
  const out: LogLine[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (!raw.startsWith('{')) continue;
    try {
      out.push(JSON.parse(raw) as LogLine);
    } catch {
      // a line cut by the agent's exit
    }
  }
  return out;
}

const ms = (x: number | undefined) => (x === undefined ? '-' : `${x.toFixed(0)}`);
const BORING = new Set(['level', 'time', 'pid', 'hostname', 'component', 'node', 'pod', 'uid', 'msg']);

export function explainTail(samples: TailSample[], agentLog: string, namespace: string, count = 3): string {
  const lines = linesOf(agentLog);
  const slowest = [...samples].sort((a, b) => b.total - a.total).slice(0, count);
  const out: string[] = [`the ${slowest.length} slowest pod start-ups (ms since the POST; agent log lines for the pod)`];
  for (const s of slowest) {
    const phases = Object.entries(s.phases).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
    out.push(`  ${s.name}: Ready at ${ms(s.total)} (direct right before: ${ms(s.direct)}); ${phases}`);
    const key = `${namespace}/${s.name}`;
    for (const l of lines) {
      if (l.pod !== key || l.time < s.t0 - 1000 || l.time > s.t0 + s.total + 1000) continue;
      const fields = Object.fromEntries(Object.entries(l).filter(([k]) => !BORING.has(k)));
      out.push(`    +${ms(l.time - s.t0)} ${l.msg} ${JSON.stringify(fields)}`);
    }
  }
  return out.join('\n');
}
