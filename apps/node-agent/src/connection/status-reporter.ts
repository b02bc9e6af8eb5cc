/**
 * Sends pod status to the control plane: only the latest status per pod matters, one write per pod
 * in flight, retried with back-off while the control plane is unreachable. A pod the control plane
 * no longer has (NotFound, or a new incarnation: Conflict) is dropped.
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

export class StatusReporter {
  private readonly latest = new Map<string, Pending>();
  private readonly inFlight = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly client: NodeServiceClient,
    private readonly log: Logger,
    /** told when a pod's write ends: written, or dropped because the pod is gone (not on a retry) */
    private readonly onSettled: (uid: string, written: boolean) => void = () => undefined,
  ) {}

  /** statuses not yet written: waiting, in flight, or waiting for a retry */
  pending(): number {
    let n = this.inFlight.size;
    for (const uid of this.latest.keys()) if (!this.inFlight.has(uid)) n++;
    return n;
  }

  report(pod: Pod, status: PodStatus): void {
    const uid = pod.metadata.uid ?? '';
    this.latest.set(uid, { pod, status });
    if (!this.inFlight.has(uid)) void this.send(uid, 0);
  }

  forget(uid: string): void {
    this.latest.delete(uid);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private async send(uid: string, attempt: number): Promise<void> {
    const item = this.latest.get(uid);
    if (!item || this.closed) return;
    this.latest.delete(uid);
    this.inFlight.add(uid);
    const { namespace = '', name = '' } = item.pod.metadata;
    const t0 = performance.now();
    try {
      await unary(this.client.UpdatePodStatus.bind(this.client), { namespace, name, uid, status_json: Buffer.from(JSON.stringify(item.status)) });
      this.log.debug({ pod: `${namespace}/${name}`, phase: item.status.phase, ms: Math.round(performance.now() - t0) }, 'status written');
      this.inFlight.delete(uid);
      this.onSettled(uid, true);
      if (this.latest.has(uid)) void this.send(uid, 0);
    } catch (err) {
      this.inFlight.delete(uid);
      if (isApiError(err, 'NotFound') || isApiError(err, 'Conflict') || isApiError(err, 'Forbidden')) {
        this.log.debug({ pod: `${namespace}/${name}`, err: (err as Error).message }, 'status dropped: the pod is gone or replaced');
        this.onSettled(uid, false);
        return;
      }
      if (!this.latest.has(uid)) this.latest.set(uid, item);
      const delay = reconnectDelay(attempt);
      this.log.warn({ pod: `${namespace}/${name}`, err: (err as Error).message, delayMs: delay }, 'status update failed: retrying');
      const t = setTimeout(() => {
        this.timers.delete(t);
        void this.send(uid, attempt + 1);
      }, delay);
      this.timers.add(t);
    }
  }
}
