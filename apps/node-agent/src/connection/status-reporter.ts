/**
 * Sends pod status to the control plane: only the latest status per pod matters, retried with
 * back-off while the control plane is unreachable. A pod the control plane no longer has (NotFound,
 * or a new incarnation: Conflict) is dropped.
 *
 * At most `maxInFlight` writes are in flight, by default one (as the kubelet's status manager):
 * a node that reports a hundred pods at once, or a thousand nodes that do, must queue rather than
 * push the apiserver past its deadlines, where every write fails and is retried.
 */
import { isApiError } from '@tugboat/api';
import type { Pod, PodStatus } from '@tugboat/api';
import type { NodeServiceClient } from '@tugboat/rpc';
import { unary } from '@tugboat/rpc';
import type { Logger } from 'pino';
import { reconnectDelay } from './backoff.js';

interface Pending {
  pod: Pod;
  status: PodStatus;
}

export interface StatusReporterOptions {
  /** told when a pod's write ends: written, or dropped because the pod is gone (not on a retry) */
  onSettled?: (uid: string, written: boolean) => void;
  /** writes in flight at once; default 1, as the kubelet */
  maxInFlight?: number;
}

export class StatusReporter {
  /** the newest unsent status per pod, in the order the pods first waited */
  private readonly latest = new Map<string, Pending>();
  private readonly inFlight = new Set<string>();
  /** pods whose last write failed, waiting for their back-off */
  private readonly backingOff = new Map<string, NodeJS.Timeout>();
  private readonly attempts = new Map<string, number>();
  private readonly maxInFlight: number;
  private readonly onSettled: (uid: string, written: boolean) => void;
  private closed = false;

  constructor(
    private readonly client: NodeServiceClient,
    private readonly log: Logger,
    opts: StatusReporterOptions = {},
  ) {
    this.maxInFlight = opts.maxInFlight ?? 1;
    this.onSettled = opts.onSettled ?? (() => undefined);
  }

  /** statuses not yet written: waiting, in flight, or waiting for a retry */
  pending(): number {
    let n = this.inFlight.size;
    for (const uid of this.latest.keys()) if (!this.inFlight.has(uid)) n++;
    return n;
  }

  report(pod: Pod, status: PodStatus): void {
    this.latest.set(pod.metadata.uid ?? '', { pod, status });
    this.pump();
  }

  forget(uid: string): void {
    this.latest.delete(uid);
    this.attempts.delete(uid);
    clearTimeout(this.backingOff.get(uid));
    this.backingOff.delete(uid);
  }

  close(): void {
    this.closed = true;
    for (const t of this.backingOff.values()) clearTimeout(t);
    this.backingOff.clear();
  }

  /** Start writes while there is room, oldest waiting pod first. */
  private pump(): void {
    if (this.closed) return;
    for (const uid of this.latest.keys()) {
      if (this.inFlight.size >= this.maxInFlight) return;
      if (!this.inFlight.has(uid) && !this.backingOff.has(uid)) void this.send(uid);
    }
  }

  private async send(uid: string): Promise<void> {
    const item = this.latest.get(uid)!;
    this.latest.delete(uid);
    this.inFlight.add(uid);
    const { namespace = '', name = '' } = item.pod.metadata;
    const t0 = performance.now();
    try {
      await unary(this.client.UpdatePodStatus.bind(this.client), { namespace, name, uid, status_json: Buffer.from(JSON.stringify(item.status)) });
      this.log.debug({ pod: `${namespace}/${name}`, phase: item.status.phase, ms: Math.round(performance.now() - t0) }, 'status written');
      this.attempts.delete(uid);
      this.onSettled(uid, true);
    } catch (err) {
      if (isApiError(err, 'NotFound') || isApiError(err, 'Conflict') || isApiError(err, 'Forbidden')) {
        this.log.debug({ pod: `${namespace}/${name}`, err: (err as Error).message }, 'status dropped: the pod is gone or replaced');
        this.attempts.delete(uid);
        this.onSettled(uid, false);
      } else {
        this.retryLater(uid, item, err as Error);
      }
    } finally {
      this.inFlight.delete(uid);
      this.pump();
    }
  }

  private retryLater(uid: string, item: Pending, err: Error): void {
    if (!this.latest.has(uid)) this.latest.set(uid, item);
    if (this.closed) return;
    const attempt = this.attempts.get(uid) ?? 0;
    this.attempts.set(uid, attempt + 1);
    const delay = reconnectDelay(attempt);
    const { namespace = '', name = '' } = item.pod.metadata;
    this.log.warn({ pod: `${namespace}/${name}`, err: err.message, delayMs: delay }, 'status update failed: retrying');
    this.backingOff.set(
      uid,
      setTimeout(() => {
        this.backingOff.delete(uid);
        this.pump();
      }, delay),
    );
  }
}
