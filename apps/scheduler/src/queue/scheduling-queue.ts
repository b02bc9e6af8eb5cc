/**
 * Which pods wait to be scheduled. Active pods sit in libs/client's WorkQueue (deduplicated, one
 * key never in two cycles at once, rate-limited retry after errors). Pods no node could take wait
 * aside as *unschedulable* until something changes that might help (a node added or updated, a
 * bound pod deleted) or, as a safety net, for at most `maxUnschedulableMs` (checked every
 * `flushIntervalMs`), so a missed event never strands a pod.
 */
import { WorkQueue } from '@tugboat/client';

export interface SchedulingQueueOptions {
  flushIntervalMs?: number;
  maxUnschedulableMs?: number;
  now?: () => number;
}

export class SchedulingQueue {
  private readonly active = new WorkQueue();
  /** key → when it was set aside */
  private readonly unschedulable = new Map<string, number>();
  /** key → when the scheduler first saw it pending, for the end-to-end latency */
  private readonly firstSeen = new Map<string, number>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly now: () => number;
  private readonly maxUnschedulableMs: number;

  constructor(opts: SchedulingQueueOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.maxUnschedulableMs = opts.maxUnschedulableMs ?? 60_000;
    this.timer = setInterval(() => this.flushUnschedulable(), opts.flushIntervalMs ?? 30_000);
    this.timer.unref();
  }

  /** A pod (new, changed, or moved back) that should get a cycle. */
  add(key: string): void {
    this.unschedulable.delete(key);
    if (!this.firstSeen.has(key)) this.firstSeen.set(key, this.now());
    this.active.add(key);
  }

  /** Set a pod aside after a cycle found no node for it. */
  markUnschedulable(key: string): void {
    this.unschedulable.set(key, this.now());
  }

  isUnschedulable(key: string): boolean {
    return this.unschedulable.has(key);
  }

  /** Retry after an error (a failed bind or status write), with per-key back-off. */
  retry(key: string): void {
    this.active.addRateLimited(key);
  }

  /** The cluster changed in a way that may help: give every set-aside pod another cycle. */
  moveAllToActive(): void {
    for (const key of [...this.unschedulable.keys()]) this.add(key);
  }

  /** The pod is bound or gone: nothing more to do for it. Returns when it was first seen. */
  finished(key: string): number | undefined {
    const since = this.firstSeen.get(key);
    this.firstSeen.delete(key);
    this.unschedulable.delete(key);
    this.active.forget(key);
    return since;
  }

  get(): Promise<string | undefined> {
    return this.active.get();
  }

  done(key: string): void {
    this.active.done(key);
  }

  counts(): { active: number; unschedulable: number } {
    return { active: this.active.len(), unschedulable: this.unschedulable.size };
  }

  close(): void {
    clearInterval(this.timer);
    this.active.shutDown();
  }

  private flushUnschedulable(): void {
    const cutoff = this.now() - this.maxUnschedulableMs;
    for (const [key, since] of [...this.unschedulable]) if (since <= cutoff) this.add(key);
  }
}
