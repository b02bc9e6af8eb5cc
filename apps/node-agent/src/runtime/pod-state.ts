/** What the runtime remembers per pod uid between syncs (everything else is read back from Docker). */
import type { ContainerStateWaiting, Pod, PodStatus } from '@tugboat/api';

export interface KillRequest {
  containerId: string;
  message: string;
}

export interface PodState {
  uid: string;
  /** the desired pod; undefined once the API no longer has it */
  pod: Pod | undefined;
  /** removePod()/resync() said it is gone: its containers go even before the first resync */
  removed: boolean;
  lastStatus: PodStatus | undefined;
  lastStatusJson: string | undefined;
  /** waiting reason per container at the last report, to emit events on transitions only */
  lastWaiting: Map<string, string>;
  /** running instances to stop (failed liveness/startup probe, changed spec), by container name */
  kills: Map<string, KillRequest>;
  terminatedReported: boolean;
  /** when the last sandbox start failed (its back-off runs from there) */
  sandboxFailedAt?: number;
}

export function newPodState(uid: string): PodState {
  return { uid, pod: undefined, removed: false, lastStatus: undefined, lastStatusJson: undefined, lastWaiting: new Map(), kills: new Map(), terminatedReported: false };
}

export type WaitingMap = Map<string, ContainerStateWaiting>;
