/** The scheduler's Prometheus metrics, on a registry the caller passes or one of its own. */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type AttemptResult = 'scheduled' | 'unschedulable' | 'error';

export interface SchedulerMetrics {
  readonly registry: Registry;
  readonly attempts: Counter<'result'>;
  readonly e2eLatency: Histogram;
  /** set from `pendingPods()` at scrape time */
  readonly pending: Gauge<'queue'>;
}

export function schedulerMetrics(registry: Registry = new Registry(), pendingPods: () => { active: number; unschedulable: number }): SchedulerMetrics {
  const attempts = new Counter({
    name: 'scheduler_schedule_attempts_total',
    help: 'Number of attempts to schedule pods, by the result.',
    labelNames: ['result'],
    registers: [registry],
  });
  const e2eLatency = new Histogram({
    name: 'scheduler_e2e_scheduling_duration_seconds',
    help: 'Time from the scheduler first seeing a pending pod to its bind succeeding.',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const pending = new Gauge({
    name: 'scheduler_pending_pods',
    help: 'Pods waiting to be scheduled, by queue (active, unschedulable).',
    labelNames: ['queue'],
    registers: [registry],
    collect() {
      const counts = pendingPods();
      this.set({ queue: 'active' }, counts.active);
      this.set({ queue: 'unschedulable' }, counts.unschedulable);
    },
  });
  return { registry, attempts, e2eLatency, pending };
}
