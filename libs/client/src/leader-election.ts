/**
 * Leader election on a coordination.k8s.io/v1 Lease through the REST API, as client-go's
 * leaderelection does it: every candidate reads the Lease; whoever holds it renews renewTime every
 * retry period; the others take it over only once they have seen it unchanged for a whole
 * leaseDuration (measured on their own clock, so clock skew between hosts does not matter). Every
 * write is an update at the read resourceVersion, so of two candidates racing only one wins
 * (optimistic concurrency). A leader that cannot renew within renewDeadline stops leading, then
 * campaigns again; closing stops leading first and then releases the Lease so a successor need
 * not wait out the lease.
 *
 *   const elector = startLeaderElection({ client, name: 'kube-scheduler', identity,
 *     onStartedLeading: () => startWork(), onStoppedLeading: () => stopWork() });
 *   // shutdown: await elector.close();
 */
import { isApiError, resourceFor } from '@tugboat/api';
import type { Lease, LeaseSpec } from '@tugboat/api';
import { sleep } from './delay.js';
import type { DelayFn } from './delay.js';
import { silentLogger } from './logger.js';
import type { Logger } from './logger.js';
import type { ObjectRef, RestClient } from './rest.js';

export interface LeaderElectionOptions {
  client: RestClient;
  /** the Lease's name, e.g. `kube-scheduler` */
  name: string;
  /** default kube-system */
  namespace?: string;
  /** unique per candidate (host name plus a random suffix) */
  identity: string;
  /** how long a lease is good for without renewal (default 15 s) */
  leaseDurationMs?: number;
  /** a leader that has not renewed for this long gives up (default 10 s; < leaseDuration) */
  renewDeadlineMs?: number;
  /** how often to try to acquire or renew (default 2 s) */
  retryPeriodMs?: number;
  /** called when this candidate becomes leader; leading lasts until onStoppedLeading */
  onStartedLeading(): void | Promise<void>;
  /** called when leadership ends (lost or closing); must stop acting before it resolves */
  onStoppedLeading(): void | Promise<void>;
  /** called whenever another (or no) holder is observed */
  onNewLeader?(identity: string): void;
  logger?: Logger;
  delay?: DelayFn;
  now?: () => number;
}

export interface LeaderElector {
  isLeader(): boolean;
  /** the holder last observed, if any */
  leader(): string | undefined;
  /** stop campaigning; if leading, stop leading and release the Lease */
  close(): Promise<void>;
}

const LEASES = resourceFor('coordination.k8s.io', 'v1', 'leases')!;

/** MicroTime as Kubernetes serializes it: RFC 3339 with six fractional digits. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function startLeaderElection(opts: LeaderElectionOptions): LeaderElector {
  return new Elector(opts);
}

class Elector implements LeaderElector {
  private readonly abort = new AbortController();
  private readonly log: Logger;
  private readonly ref: ObjectRef;
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private readonly delay: DelayFn;
  private readonly now: () => number;
  private readonly loop: Promise<void>;
  private leading = false;
  private observedSpec = '';
  private observedAt = 0;
  private observedHolder: string | undefined;

  constructor(private readonly opts: LeaderElectionOptions) {
    this.log = opts.logger ?? silentLogger;
    this.ref = { resource: LEASES, namespace: opts.namespace ?? 'kube-system', name: opts.name };
    this.leaseDurationMs = opts.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = opts.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = opts.retryPeriodMs ?? 2_000;
    if (this.renewDeadlineMs >= this.leaseDurationMs) throw new Error('leader election: renewDeadline must be shorter than leaseDuration');
    this.delay = opts.delay ?? sleep;
    this.now = opts.now ?? Date.now;
    this.loop = this.run(this.abort.signal);
  }

  isLeader(): boolean {
    return this.leading;
  }

  leader(): string | undefined {
    return this.observedHolder;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      if (!(await this.acquire(signal))) break;
      this.leading = true;
      this.log.info({ lease: this.ref.name, identity: this.opts.identity }, 'became leader');
      await this.guard('onStartedLeading', this.opts.onStartedLeading);
      await this.renewWhileLeading(signal);
      this.leading = false;
      await this.guard('onStoppedLeading', this.opts.onStoppedLeading);
      if (signal.aborted) {
        await this.release();
        break;
      }
      this.log.warn({ lease: this.ref.name, identity: this.opts.identity }, 'lost leadership; campaigning again');
    }
  }

  /** Try every retry period (jittered) until acquired; false when closed first. */
  private async acquire(signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted) {
      if (await this.tryAcquireOrRenew()) return true;
      await this.delay(this.retryPeriodMs * (1 + Math.random() * 0.2), signal);
    }
    return false;
  }

  private async renewWhileLeading(signal: AbortSignal): Promise<void> {
    let renewedAt = this.now();
    while (!signal.aborted) {
      await this.delay(this.retryPeriodMs, signal);
      if (signal.aborted) return;
      if (await this.tryAcquireOrRenew()) renewedAt = this.now();
      else if (this.now() - renewedAt >= this.renewDeadlineMs) return;
    }
  }

  /** One attempt; never throws (failures are logged and count as "not acquired"). */
  private async tryAcquireOrRenew(): Promise<boolean> {
    try {
      return await withTimeout(this.attempt(), this.renewDeadlineMs);
    } catch (err) {
      if (!isApiError(err, 'Conflict') && !isApiError(err, 'AlreadyExists')) this.log.warn({ err, lease: this.ref.name }, 'leader election: lease request failed');
      return false;
    }
  }

  private async attempt(): Promise<boolean> {
    const { client, identity } = this.opts;
    const now = this.now();
    const lease = await client.get<Lease>(this.ref).catch((err: unknown) => {
      if (isApiError(err, 'NotFound')) return undefined;
      throw err;
    });
    if (!lease) {
      const created = await client.create<Lease>(LEASES, this.leaseObject(this.nextSpec(undefined, now)), { namespace: this.ref.namespace });
      this.observe(created, now);
      return true;
    }
    const spec = lease.spec ?? {};
    this.observe(lease, now);
    const heldByOther = !!spec.holderIdentity && spec.holderIdentity !== identity;
    const duration = (spec.leaseDurationSeconds ?? this.leaseDurationMs / 1000) * 1000;
    if (heldByOther && this.observedAt + duration > now) return false;
    const updated = await client.update<Lease>(this.ref, { ...this.leaseObject(this.nextSpec(spec, now)), metadata: { ...lease.metadata } });
    this.observe(updated, now);
    return true;
  }

  private nextSpec(current: LeaseSpec | undefined, now: number): LeaseSpec {
    const mine = current?.holderIdentity === this.opts.identity;
    return {
      holderIdentity: this.opts.identity,
      leaseDurationSeconds: Math.ceil(this.leaseDurationMs / 1000),
      acquireTime: mine && current?.acquireTime ? current.acquireTime : microTime(now),
      renewTime: microTime(now),
      leaseTransitions: mine ? (current?.leaseTransitions ?? 0) : (current?.leaseTransitions ?? -1) + 1,
    };
  }

  private leaseObject(spec: LeaseSpec): Lease {
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.ref.name, namespace: this.ref.namespace }, spec };
  }

  /** The lease's expiry is judged from when *we* first saw its current contents. */
  private observe(lease: Lease, now: number): void {
    const raw = JSON.stringify(lease.spec ?? {});
    if (raw === this.observedSpec) return;
    this.observedSpec = raw;
    this.observedAt = now;
    const holder = lease.spec?.holderIdentity || undefined;
    if (holder !== this.observedHolder) {
      this.observedHolder = holder;
      if (holder && holder !== this.opts.identity) this.opts.onNewLeader?.(holder);
    }
  }

  /** Hand the lease back (holder cleared, 1 s duration) so a successor need not wait it out. */
  private async release(): Promise<void> {
    try {
      const lease = await this.opts.client.get<Lease>(this.ref);
      if (lease.spec?.holderIdentity !== this.opts.identity) return;
      const spec: LeaseSpec = { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, renewTime: microTime(this.now()) };
      await this.opts.client.update<Lease>(this.ref, { ...lease, spec });
      this.log.info({ lease: this.ref.name, identity: this.opts.identity }, 'released leadership');
    } catch (err) {
      this.log.warn({ err, lease: this.ref.name }, 'could not release the lease; it will expire');
    }
  }

  private async guard(what: string, fn: () => void | Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.log.error({ err, lease: this.ref.name }, `leader election: ${what} threw`);
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`lease request took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
