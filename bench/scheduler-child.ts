/**
 * The benchmark's scheduler in a process of its own, with the V8 flags `tug server` runs it with
 * (SERVER_NODE_FLAGS), so its CPU is its own and its heap is sized as in production. Config comes in
 * BENCH_SCHEDULER; the first IPC message says when it started and when its caches synced; 'stats'
 * is answered with its bind errors and whether it leads; 'close' (or the parent going away) stops it.
 */
import { HttpRestClient } from '@tugboat/client';
import { startScheduler } from '@tugboat/scheduler';
import { epochMs } from './stats.js';

export interface SchedulerChildConfig {
  server: string;
  caPem: string;
  token: string;
  parallelism: number;
}

export interface SchedulerChildReady {
  startedAt: number;
  syncedAt: number;
}

export interface SchedulerChildStats {
  bindErrors: number;
  leading: boolean;
}

const startedAt = epochMs();
const config = JSON.parse(process.env.BENCH_SCHEDULER ?? '{}') as SchedulerChildConfig;
const client = new HttpRestClient({ server: config.server, ca: config.caPem, token: config.token, userAgent: 'bench-scheduler' });
process.env.LOG_LEVEL ??= 'warn';
const scheduler = startScheduler({ client, parallelism: config.parallelism });

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  void scheduler.close().finally(() => {
    client.close();
    process.exit(0);
  });
};
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('message', (m) => {
  if (m === 'close') shutdown();
  if (m === 'stats') {
    void scheduler.metrics.attempts.get().then((metric) => {
      const stats: SchedulerChildStats = { bindErrors: metric.values.find((v) => v.labels.result === 'error')?.value ?? 0, leading: scheduler.isLeader() };
      process.send!({ stats });
    });
  }
});

await scheduler.ready;
const ready: SchedulerChildReady = { startedAt, syncedAt: epochMs() };
process.send!(ready);
