/**
 * The scheduling loop of one leadership term: take a pending pod's key, run one synchronous cycle
 * over the cache (filter, score, pick, assume), then bind, or report why no node fits, in the
 * background, with at most `parallelism` such API calls in flight. The key stays "processing" in
 * the work queue until its call ends, so a pod is never in two cycles at once.
 */
import type { Pod } from '@tugboat/api';
import { keyOf } from '@tugboat/client';
import type { ObjectCache, RestClient } from '@tugboat/client';
import type { Logger } from 'pino';
import { bindPod } from './api/bind.js';
import { markScheduled } from './api/mark-scheduled.js';
import { reportUnschedulable } from './api/report-unschedulable.js';
import type { SchedulerCache } from './cache/scheduler-cache.js';
import { fitErrorMessage } from './framework/fit-error.js';
import { podInfo } from './framework/pod-info.js';
import type { PodInfo } from './framework/pod-info.js';
import type { Profile } from './framework/plugin.js';
import { schedulePod } from './framework/schedule-pod.js';
import type { SchedulerMetrics } from './metrics.js';
import { isPendingFor } from './pod-state.js';
import type { SchedulingQueue } from './queue/scheduling-queue.js';
import { Slots } from './slots.js';

export interface LoopDeps {
  readonly client: RestClient;
  readonly pods: ObjectCache<Pod>;
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  readonly profile: Profile;
  readonly metrics: SchedulerMetrics;
  readonly log: Logger;
  readonly identity: string;
  readonly schedulerName: string;
  readonly parallelism: number;
}

export class SchedulingLoop {
  private startIndex = 0;
  private readonly slots: Slots;

  constructor(private readonly deps: LoopDeps) {
    this.slots = new Slots(deps.parallelism);
  }

  /** Runs until the queue is closed, then waits for the calls in flight. */
  async run(): Promise<void> {
    const { queue } = this.deps;
    for (;;) {
      await this.slots.acquire();
      const key = await queue.get();
      if (key === undefined) {
        this.slots.release();
        break;
      }
      const work = this.cycle(key);
      if (!work) {
        queue.done(key);
        this.slots.release();
        continue;
      }
      void work
        .catch((err: unknown) => this.deps.log.error({ err, pod: key }, 'scheduling call failed'))
        .finally(() => {
          queue.done(key);
          this.slots.release();
        });
    }
    await this.slots.idle();
  }

  /** One scheduling cycle, synchronous up to the API call it returns (if any). */
  private cycle(key: string): Promise<void> | undefined {
    const { pods, cache, queue, profile, metrics, schedulerName } = this.deps;
    const pod = pods.get(key);
    if (!pod || !isPendingFor(pod, schedulerName)) {
      queue.finished(key);
      return undefined;
    }
    if (cache.isAssumed(key)) return undefined; // bound or binding; the informer will confirm
    const info = podInfo(pod);
    const nodes = cache.schedulableNodes();
    const result = schedulePod(profile, info, nodes, { startIndex: this.startIndex });
    if (result.kind === 'Scheduled') {
      this.startIndex = (this.startIndex + result.evaluated) % nodes.length;
      cache.assume(info, result.node.name);
      return this.bind(info, result.node.name);
    }
    metrics.attempts.inc({ result: 'unschedulable' });
    queue.markUnschedulable(key);
    return this.report(pod, fitErrorMessage(result.numAllNodes, result.nodeStatuses.values()));
  }

  private async bind(info: PodInfo, node: string): Promise<void> {
    const { client, cache, queue, metrics, log } = this.deps;
    try {
      await bindPod(client, info.pod, node);
      metrics.attempts.inc({ result: 'scheduled' });
      const since = queue.finished(info.key);
      if (since !== undefined) metrics.e2eLatency.observe((Date.now() - since) / 1000);
      log.debug({ pod: info.key, node }, 'pod bound');
    } catch (err) {
      // Release the node's resources at once; the next cycle decides afresh.
      cache.forget(info.key);
      metrics.attempts.inc({ result: 'error' });
      log.warn({ err, pod: info.key, node }, 'binding failed; retrying');
      queue.retry(info.key);
      return;
    }
    await markScheduled(client, info.pod).catch((err: unknown) => log.warn({ err, pod: info.key, node }, 'could not set PodScheduled=True'));
  }

  private async report(pod: Pod, message: string): Promise<void> {
    const { client, identity, log, queue } = this.deps;
    const key = keyOf(pod);
    try {
      if (await reportUnschedulable({ client, instance: identity }, pod, message)) log.info({ pod: key, reason: message }, 'pod is unschedulable');
    } catch (err) {
      log.warn({ err, pod: key }, 'could not record why the pod is unschedulable; retrying');
      queue.retry(key);
    }
  }
}
