/** The runtime's public types: what the agent passes in, and what it gets back. */
import type { Readable, Writable } from 'node:stream';
import type pino from 'pino';
import type { Pod, PodStatus } from '@tugboat/api';
import type { BackoffPolicy } from './backoff.js';
import type { RefLookup } from './env.js';
import type { EngineClient } from '../docker/engine-client.js';

export interface PodEvent {
  type: 'Normal' | 'Warning';
  /** Pulled, Created, Started, Killing, BackOff, Unhealthy, Failed, ErrImageNeverPull... */
  reason: string;
  message: string;
}

export interface RuntimeOptions {
  docker: EngineClient;
  nodeName: string;
  hostIP: string;
  /** this node's pod bridge network (podCIDR), e.g. tugboat-<node>, 10.244.1.0/24; created if missing */
  network: { name: string; subnet: string };
  /** pods' resolvers and domain: search path "<ns>.svc.<domain> svc.<domain> <domain>", ndots:5 */
  clusterDNS: string[];
  clusterDomain: string;
  refs: RefLookup;
  logger: pino.Logger;
  /** whenever the computed status differs from the last one reported for the pod */
  onPodStatus(pod: Pod, status: PodStatus): void;
  /** a pod with deletionTimestamp has all its containers stopped and removed: the caller confirms the deletion */
  onPodTerminated(pod: Pod): void;
  onEvent(pod: Pod, e: PodEvent): void;
  /** container restart and image pull back-off; default 10 s doubling to 5 min */
  backoff?: BackoffPolicy;
  /** default 'tugboat/pause:1' */
  pauseImage?: string;
  /** safety-net resync of every pod; default 10 s */
  resyncIntervalMs?: number;
}

export interface ContainerRef {
  namespace: string;
  name: string;
  /** optional when the pod has a single container */
  container?: string;
}

export interface LogsOptions {
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  previous?: boolean;
  limitBytes?: number;
}

export interface ExecRequest {
  command: string[];
  stdin: boolean;
  tty: boolean;
}

export interface ExecStreams {
  stdin: Writable | null;
  stdout: Readable;
  stderr: Readable | null;
  resize(cols: number, rows: number): Promise<void>;
  exitCode: Promise<number>;
}

export interface ContainerStats {
  name: string;
  cpuNanoCores: number;
  memoryWorkingSetBytes: number;
}

export interface PodStats {
  namespace: string;
  name: string;
  uid: string;
  /** RFC 3339 time of the sample */
  timestamp: string;
  containers: ContainerStats[];
}

export interface Runtime {
  /** adoption scan done and Docker events subscribed; pod work starts then */
  ready: Promise<void>;
  /** stops workers, timers, probes and the events stream; containers keep running (a restarted agent adopts them) */
  close(): Promise<void>;
  /** desired state changed (spec, or deletionTimestamp set → graceful stop) */
  upsertPod(pod: Pod): void;
  /** the object is gone from the API: stop and remove its containers now */
  removePod(uid: string): void;
  /** the full desired set after (re)connecting; containers of other pods are removed (orphan GC starts with the first resync) */
  resync(pods: Pod[]): void;
  /** ConfigMaps/Secrets changed: retry pods waiting on a reference */
  refsChanged(): void;
  /** plain text, demuxed; NotFound for an unknown pod, BadRequest for a bad/unstarted container */
  logs(ref: ContainerRef, opts: LogsOptions, signal?: AbortSignal): Promise<Readable>;
  exec(ref: ContainerRef, opts: ExecRequest): Promise<ExecStreams>;
  /** cpu (nanocores) and memory working set of every running container, per pod */
  stats(): Promise<PodStats[]>;
}
