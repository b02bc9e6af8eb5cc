/**
 * A hollow node agent: a SIMULATION for the scheduler benchmark. It speaks NodeService exactly as
 * `tug agent` does (apps/node-agent/src/agent.ts): Join with the bootstrap token, Register a Node,
 * follow WatchPods, Heartbeat every 10 s with the Ready condition, report pod status with
 * UpdatePodStatus and confirm deletions with ConfirmPodDeleted. It runs nothing: a pod it receives
 * is reported Running at once (or, `deferStatus`, when flushStatuses() is called). Its Node carries
 * the label `tugboat.dev/hollow=true`, fake capacity (8 cpu, 32Gi, 110 pods) and a Ready message
 * saying it is simulated.
 *
 * The real agent's connection helpers (pod-watch.ts, status-reporter.ts) are not exported by
 * @tugboat/node-agent, hence the small stream and status queue here; both follow the same rules
 * (resume from the last resourceVersion; drop a status the control plane answers NotFound,
 * Conflict or Forbidden; retry anything else with back-off).
 */
import { isApiError } from '@tugboat/api';
import type { Node, NodeCondition, Pod } from '@tugboat/api';
import { KEEPALIVE_OPTIONS, channelCredentials, protos, unary } from '@tugboat/rpc';
import type { NodeServiceClient, WatchPodsEvent__Output } from '@tugboat/rpc';
import { podAddress, runningStatus } from './hollow-pod-status.js';

/** the real agent's default heartbeat period (AgentOptions.heartbeatMs in apps/node-agent/src/agent.ts) */
export const AGENT_HEARTBEAT_MS = 10_000;
export const HOLLOW_LABEL = 'tugboat.dev/hollow';
const CAPACITY = { cpu: '8', memory: '32Gi', pods: '110' };
const READY: NodeCondition = { type: 'Ready', status: 'True', reason: 'HollowNode', message: 'simulated node (bench/hollow-agent.ts): registers and reports, runs nothing' };
const RETRY_MS = { initial: 500, max: 15_000 };

export interface HollowAgentOptions {
  /** NodeService host:port */
  server: string;
  caPem: string;
  token: string;
  nodeName: string;
  nodeIP: string;
  /** shared by the fleet for Join (the one call made without a node certificate) */
  bootstrap: NodeServiceClient;
  heartbeatMs: number;
  deferStatus: boolean;
  /** first sight of a pod on this node's stream (its bind reached the node) */
  onPod(name: string, namespace: string): void;
  /** a status write finished: true when written, false when dropped or failed */
  onStatus(ok: boolean): void;
}

function retryDelay(attempt: number): number {
  return Math.min(RETRY_MS.max, RETRY_MS.initial * 2 ** attempt) * (0.5 + Math.random());
}

function hollowNode(name: string, ip: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', [HOLLOW_LABEL]: 'true' } },
    status: {
      capacity: CAPACITY,
      allocatable: CAPACITY,
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      conditions: [READY],
    },
  };
}

interface PodState {
  readonly pod: Pod;
  reported: boolean;
  confirming: boolean;
}

export class HollowAgent {
  private client: NodeServiceClient | undefined;
  private podCidr = '';
  private readonly pods = new Map<string, PodState>();
  /** uids waiting for a status write, one write in flight per node */
  private readonly statusQueue: string[] = [];
  private writing = false;
  private deferred: boolean;
  private resourceVersion = '';
  private stream: ReturnType<NodeServiceClient['WatchPods']> | undefined;
  /** pending back-off timers and what each runs; close() runs them at once so no waiter hangs */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private heartbeat: NodeJS.Timeout | undefined;
  private addresses = 0;
  private closed = false;

  constructor(private readonly opts: HollowAgentOptions) {
    this.deferred = opts.deferStatus;
  }

  /** Joins, registers, and resolves once the first full pod list arrived and the first heartbeat went out. */
  async start(): Promise<void> {
    const { opts } = this;
    const joined = await this.persist(() => unary(opts.bootstrap.Join.bind(opts.bootstrap), { token: opts.token, node_name: opts.nodeName, addresses: [opts.nodeIP] }, { timeoutMs: 30_000 }));
    const identity = { caPem: joined.ca_pem, certPem: joined.certificate_pem, keyPem: joined.private_key_pem };
    const client = new (protos().node.NodeService)(opts.server, channelCredentials(identity), KEEPALIVE_OPTIONS);
    this.client = client;
    const node = Buffer.from(JSON.stringify(hollowNode(opts.nodeName, opts.nodeIP)));
    const registered = await this.persist(() => unary(client.Register.bind(client), { node_json: node }));
    this.podCidr = registered.config?.pod_cidr ?? '10.0.0.0/24';
    await new Promise<void>((resolve) => this.watch(resolve));
    this.beat();
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs);
  }

  /** Send the statuses held back while deferring, and report new pods at once from now on. */
  flushStatuses(): void {
    this.deferred = false;
    this.writeNext();
  }

  /** statuses not yet written (queued or in flight) */
  pendingStatuses(): number {
    return this.statusQueue.length + (this.writing ? 1 : 0);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    const waiting = [...this.timers];
    this.timers.clear();
    for (const [t, fn] of waiting) {
      clearTimeout(t);
      fn();
    }
    this.stream?.cancel();
    this.client?.close();
  }

  private beat(): void {
    const client = this.client!;
    void unary(client.Heartbeat.bind(client), { conditions_json: Buffer.from(JSON.stringify([READY])) }).catch(() => undefined);
  }

  private watch(synced: () => void): void {
    if (this.closed) return;
    const client = this.client!;
    const call = client.WatchPods({ resource_version: this.resourceVersion });
    this.stream = call;
    let attempt = 0;
    call.on('data', (ev: WatchPodsEvent__Output) => {
      attempt = 0;
      if (ev.resource_version) this.resourceVersion = ev.resource_version;
      if (ev.type === 'SYNCED') synced();
      else if (ev.kind === 'Pod') this.onPod(ev.type, JSON.parse(ev.object_json.toString('utf8')) as Pod);
    });
    let ended = false;
    const reconnect = (): void => {
      if (ended || this.closed) return;
      ended = true;
      this.later(() => this.watch(synced), retryDelay(attempt++));
    };
    call.on('error', reconnect);
    call.on('end', reconnect);
  }

  private onPod(type: string, pod: Pod): void {
    const uid = pod.metadata.uid ?? '';
    if (type === 'DELETED') {
      this.pods.delete(uid);
      return;
    }
    let state = this.pods.get(uid);
    if (!state) {
      state = { pod, reported: false, confirming: false };
      this.pods.set(uid, state);
      this.opts.onPod(pod.metadata.name ?? '', pod.metadata.namespace ?? '');
      this.statusQueue.push(uid);
      this.writeNext();
    }
    // Nothing runs, so a terminating pod's containers are gone at once: confirm, as the agent does.
    if (pod.metadata.deletionTimestamp && !state.confirming) {
      state.confirming = true;
      const { namespace = '', name = '' } = pod.metadata;
      const client = this.client!;
      void this.persist(() => unary(client.ConfirmPodDeleted.bind(client), { namespace, name, uid })).catch(() => undefined);
    }
  }

  private writeNext(): void {
    if (this.deferred || this.writing || this.closed) return;
    const uid = this.statusQueue.shift();
    if (uid === undefined) return;
    const state = this.pods.get(uid);
    if (!state || state.reported || state.pod.metadata.deletionTimestamp) return this.writeNext();
    this.writing = true;
    void this.writeStatus(uid, state).finally(() => {
      this.writing = false;
      this.writeNext();
    });
  }

  private async writeStatus(uid: string, state: PodState): Promise<void> {
    const { namespace = '', name = '' } = state.pod.metadata;
    const status = runningStatus(state.pod, { hostIP: this.opts.nodeIP, podIP: podAddress(this.podCidr, this.addresses++) }, new Date());
    const client = this.client!;
    try {
      await this.persist(() => unary(client.UpdatePodStatus.bind(client), { namespace, name, uid, status_json: Buffer.from(JSON.stringify(status)) }), (err) =>
        isApiError(err, 'NotFound') || isApiError(err, 'Conflict') || isApiError(err, 'Forbidden'),
      );
      state.reported = true;
      this.opts.onStatus(true);
    } catch {
      this.opts.onStatus(false);
    }
  }

  /** Retries `fn` with jittered back-off until it succeeds, `final(err)` says give up, or the agent closes. */
  private async persist<T>(fn: () => Promise<T>, final: (err: unknown) => boolean = () => false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (this.closed || final(err)) throw err;
        await new Promise<void>((resolve) => this.later(resolve, retryDelay(attempt)));
      }
    }
  }

  private later(fn: () => void, ms: number): void {
    if (this.closed) return fn();
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.set(t, fn);
  }
}
