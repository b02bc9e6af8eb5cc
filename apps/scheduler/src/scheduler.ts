/**
 * startScheduler: the component. Informers on pods and nodes feed the cache from the start (a
 * follower stays warm); while this instance holds the `kube-system/kube-scheduler` Lease it runs a
 * scheduling loop; losing the Lease stops the loop (in-flight binds finish) and campaigns again.
 * Everything it starts (informers, election, queue timers, loop) is closed by close().
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Node, Pod } from '@tugboat/api';
import { createInformer, keyOf, startLeaderElection } from '@tugboat/client';
import type { LeaderElector, RestClient } from '@tugboat/client';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { DEFAULT_PARALLELISM } from './defaults.js';
import { DEFAULT_SCHEDULER_NAME, NODES, PODS } from './api/resources.js';
import { SchedulerCache } from './cache/scheduler-cache.js';
import { watchClusterEvents } from './cluster-events.js';
import { schedulerMetrics } from './metrics.js';
import type { SchedulerMetrics } from './metrics.js';
import type { ScoringStrategy } from './plugins/node-resources-allocated.js';
import { isPendingFor } from './pod-state.js';
import { SchedulingQueue } from './queue/scheduling-queue.js';
import { defaultProfile } from './registry.js';
import { SchedulingLoop } from './scheduling-loop.js';

export interface LeaderElectionConfig {
  /** Lease name in kube-system (default kube-scheduler) */
  leaseName?: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
}

export interface SchedulerOptions {
  client: RestClient;
  logger?: Logger;
  /** this instance's name in the Lease and in events (default host name + random suffix) */
  identity?: string;
  /** node resource scoring: spread load (default) or bin-pack */
  scoringStrategy?: ScoringStrategy;
  /** binds and status writes in flight at once (default DEFAULT_PARALLELISM) */
  parallelism?: number;
  /** metrics go here; a private registry when unset */
  registry?: Registry;
  /** pods whose spec.schedulerName is this (or unset) are ours (default default-scheduler) */
  schedulerName?: string;
  /** false: act at once without a Lease (a single scheduler, tests) */
  leaderElection?: LeaderElectionConfig | false;
  /** how often unschedulable pods are checked for a retry, and after how long they get one */
  unschedulableFlushMs?: number;
  maxUnschedulableMs?: number;
}

export interface Scheduler {
  /** the caches have synced (this instance may or may not be leading) */
  readonly ready: Promise<void>;
  readonly metrics: SchedulerMetrics;
  readonly identity: string;
  isLeader(): boolean;
  close(): Promise<void>;
}

interface Term {
  readonly queue: SchedulingQueue;
  readonly done: Promise<void>;
}

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const identity = opts.identity ?? `${hostname()}_${randomBytes(4).toString('hex')}`;
  const log = (opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' })).child({ component: 'scheduler', identity });
  const schedulerName = opts.schedulerName ?? DEFAULT_SCHEDULER_NAME;
  const cache = new SchedulerCache();
  const pods = createInformer<Pod>({ client: opts.client, resource: PODS, logger: log });
  const nodes = createInformer<Node>({ client: opts.client, resource: NODES, logger: log });
  let term: Term | undefined;
  const metrics = schedulerMetrics(opts.registry, () => term?.queue.counts() ?? { active: 0, unschedulable: 0 });
  const profile = defaultProfile(opts.scoringStrategy);

  const unwatch = watchClusterEvents({ pods, nodes, cache, schedulerName, queue: () => term?.queue });
  const running = [pods.start(), nodes.start()];
  const ready = Promise.all(running.map((r) => r.ready)).then(() => undefined);

  const startTerm = (): void => {
    if (term) return;
    const queue = new SchedulingQueue({ flushIntervalMs: opts.unschedulableFlushMs, maxUnschedulableMs: opts.maxUnschedulableMs });
    const loop = new SchedulingLoop({
      client: opts.client, pods, cache, queue, profile, metrics, log, identity, schedulerName, parallelism: opts.parallelism ?? DEFAULT_PARALLELISM,
    });
    // Level-triggered: whatever is pending now gets a cycle, whatever happened while we followed.
    for (const pod of pods.list()) if (isPendingFor(pod, schedulerName)) queue.add(keyOf(pod));
    term = { queue, done: loop.run() };
    log.info({ pending: queue.counts().active }, 'scheduling');
  };
  const stopTerm = async (): Promise<void> => {
    const current = term;
    if (!current) return;
    term = undefined; // no longer acting from here on; in-flight binds finish below
    current.queue.close();
    await current.done;
    log.info('stopped scheduling');
  };

  let elector: LeaderElector | undefined;
  let closed = false;
  const started = ready.then(() => {
    if (closed) return;
    if (opts.leaderElection === false) return startTerm();
    const le = opts.leaderElection ?? {};
    elector = startLeaderElection({
      client: opts.client,
      name: le.leaseName ?? 'kube-scheduler',
      identity,
      leaseDurationMs: le.leaseDurationMs,
      renewDeadlineMs: le.renewDeadlineMs,
      retryPeriodMs: le.retryPeriodMs,
      logger: log,
      onStartedLeading: startTerm,
      onStoppedLeading: stopTerm,
      onNewLeader: (leader) => log.info({ leader }, 'another scheduler leads'),
    });
  });
  started.catch(() => {});

  let closing: Promise<void> | undefined;
  return {
    ready,
    metrics,
    identity,
    isLeader: () => term !== undefined,
    close: () =>
      (closing ??= (async () => {
        // Not waiting for `started`: caches that never sync (no apiserver) must not block closing.
        closed = true;
        await elector?.close();
        await stopTerm();
        unwatch();
        await Promise.all(running.map((r) => r.close()));
        await started.catch(() => undefined);
      })()),
  };
}
