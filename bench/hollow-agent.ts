/**
 * A hollow node agent: a SIMULATION for the scheduler benchmark. It speaks NodeService exactly as
 * `tug agent` does (apps/node-agent/src/agent.ts): Join with the bootstrap token, Register a Node,
 * follow WatchPods, renew its lease every 10 s on the Heartbeats stream with the Ready condition,
 * report pod status with UpdatePodStatus and confirm deletions with ConfirmPodDeleted. It runs
 * nothing: a pod it receives is reported Running at once (or, `deferStatus`, when flushStatuses()
 * is called). Its Node carries the label `tugboat.dev/hollow=true`, fake capacity (8 cpu, 32Gi,
 * 110 pods) and a Ready message saying it is simulated.
 *
 * The pod stream and the status writes are the real agent's own (`watchPods`, `StatusReporter` from
 * @tugboat/node-agent): resume from the last resourceVersion; one write per pod in flight; drop a
 * status the control plane answers NotFound, Conflict or Forbidden; retry anything else with back-off.
 */
import type { Node, NodeCondition, Pod } from '@tugboat/api';
import { StatusReporter, keepHeartbeating, reconnectDelay, watchPods } from '@tugboat/node-agent';
import type { Heartbeats, PodWatch } from '@tugboat/node-agent';
import { KEEPALIVE_OPTIONS, channelCredentials, protos, unary } from '@tugboat/rpc';
import type { NodeServiceClient } from '@tugboat/rpc';
import { pino } from 'pino';
import { podAddress, runningStatus } from './hollow-pod-status.js';

/** the real agent's default heartbeat period (AgentOptions.heartbeatMs in apps/node-agent/src/agent.ts) */
export const AGENT_HEARTBEAT_MS = 10_000;
export const HOLLOW_LABEL = 'tugboat.dev/hollow';
const CAPACITY = { cpu: '8', memory: '32Gi', pods: '110' };
const READY: NodeCondition = { type: 'Ready', status: 'True', reason: 'HollowNode', message: 'simulated node (bench/hollow-agent.ts): registers and reports, runs nothing' };
const log = pino({ level: process.env.LOG_LEVEL ?? 'warn', base: { component: 'hollow-agent' } });

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
  pod: Pod;
  confirming: boolean;
}

export class HollowAgent {
  private client: NodeServiceClient | undefined;
  private podCidr = '';
  private readonly pods = new Map<string, PodState>();
  private statuses: StatusReporter | undefined;
  /** pods seen while deferring, reported at flushStatuses() */
  private held: Pod[] = [];
  private deferred: boolean;
  private stream: PodWatch | undefined;
  /** pending back-off timers and what each runs; close() runs them at once so no waiter hangs */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private heartbeats: Heartbeats | undefined;
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
    this.statuses = new StatusReporter(client, log, { onSettled: (_uid, written) => this.opts.onStatus(written) });
    await new Promise<void>((resolve) => {
      this.stream = watchPods(client, { pod: (type, pod) => this.onPod(type, pod), ref: () => undefined, synced: () => resolve() }, { log });
    });
    this.heartbeats = keepHeartbeating(client, { periodMs: opts.heartbeatMs, conditions: () => [READY], log });
  }

  /** Send the statuses held back while deferring, and report new pods at once from now on. */
  flushStatuses(): void {
    this.deferred = false;
    for (const pod of this.held.splice(0)) this.report(pod);
  }

  /** statuses not yet written (held, queued or in flight) */
  pendingStatuses(): number {
    return this.held.length + (this.statuses?.pending() ?? 0);
  }

  close(): void {
    this.closed = true;
    this.heartbeats?.close();
    const waiting = [...this.timers];
    this.timers.clear();
    for (const [t, fn] of waiting) {
      clearTimeout(t);
      fn();
    }
    this.stream?.close();
    this.statuses?.close();
    this.client?.close();
  }

  private onPod(type: string, pod: Pod): void {
    const uid = pod.metadata.uid ?? '';
    if (type === 'DELETED') {
      this.pods.delete(uid);
      this.statuses?.forget(uid);
      return;
    }
    let state = this.pods.get(uid);
    if (!state) {
      state = { pod, confirming: false };
      this.pods.set(uid, state);
      this.opts.onPod(pod.metadata.name ?? '', pod.metadata.namespace ?? '');
      if (this.deferred) this.held.push(pod);
      else this.report(pod);
    }
    state.pod = pod;
    // Nothing runs, so a terminating pod's containers are gone at once: confirm, as the agent does.
    if (pod.metadata.deletionTimestamp && !state.confirming) {
      state.confirming = true;
      this.statuses?.forget(uid);
      const { namespace = '', name = '' } = pod.metadata;
      const client = this.client!;
      void this.persist(() => unary(client.ConfirmPodDeleted.bind(client), { namespace, name, uid })).catch(() => undefined);
    }
  }

  /** Running at once: the pod's one status report (a pod deleted meanwhile is skipped). */
  private report(pod: Pod): void {
    const state = this.pods.get(pod.metadata.uid ?? '');
    if (!state || state.confirming) return;
    this.statuses!.report(state.pod, runningStatus(state.pod, { hostIP: this.opts.nodeIP, podIP: podAddress(this.podCidr, this.addresses++) }, new Date()));
  }

  /** Retries `fn` with jittered back-off until it succeeds, `final(err)` says give up, or the agent closes. */
  private async persist<T>(fn: () => Promise<T>, final: (err: unknown) => boolean = () => false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (this.closed || final(err)) throw err;
        await new Promise<void>((resolve) => this.later(resolve, reconnectDelay(attempt)));
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
