/** The scheduler benchmark's scheduler: a fresh one per phase, in a process of its own (scheduler-child.ts). */
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '@tugboat/apiserver/node-flags';
import { forkReady } from './child.js';
import type { BenchControlPlane } from './control-plane.js';
import type { SchedulerChildConfig, SchedulerChildReady, SchedulerChildStats } from './scheduler-child.js';

export interface SchedulerProcess extends SchedulerChildReady {
  pid: number;
  stats(): Promise<SchedulerChildStats>;
  close(): Promise<void>;
}

const SCHEDULER_CHILD = fileURLToPath(new URL('./scheduler-child.ts', import.meta.url));

/**
 * A fresh scheduler in its own process (scheduler-child.ts) with the V8 flags `tug server` gives it,
 * over HTTPS with a token as any client; ready when its caches synced.
 */
export async function startSchedulerProcess(cp: BenchControlPlane, parallelism: number): Promise<SchedulerProcess> {
  const config: SchedulerChildConfig = { server: cp.secureUrl, caPem: cp.caPem, token: cp.adminToken, parallelism };
  // forkReady passes this process's node flags on too: `node --cpu-prof` profiles the scheduler as well
  const child = await forkReady<SchedulerChildReady>(SCHEDULER_CHILD, {
    // BENCH_SCHEDULER_NODE_FLAGS replaces them ('' = node's defaults), as BENCH_CP_NODE_FLAGS does the control plane's
    nodeFlags: (process.env.BENCH_SCHEDULER_NODE_FLAGS ?? SERVER_NODE_FLAGS.join(' ')).split(' ').filter(Boolean),
    env: { ...process.env, BENCH_SCHEDULER: JSON.stringify(config) },
    what: 'scheduler',
  });
  return { ...child.info, pid: child.pid, stats: () => child.ask<{ stats: SchedulerChildStats }>('stats').then((m) => m.stats), close: () => child.close() };
}
