/**
 * startAgent: one node. Joins (once) with the bootstrap token, serves AgentService, registers the
 * Node with what `docker info` says, starts the Docker runtime on the node's pod network, follows
 * the pod stream, reports status and events, and renews the node's lease.
 * `close()` stops all of that and leaves the containers running: a restarted agent adopts them.
 */
import { rfc3339 } from '@tugboat/api';
import type { Event, Node, NodeCondition, Pod } from '@tugboat/api';
import { KEEPALIVE_OPTIONS, channelCredentials, protos, unary } from '@tugboat/rpc';
import type { NodeConfig, NodeServiceClient } from '@tugboat/rpc';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { startAgentService } from './agent-service/server.js';
import { reconnectDelay } from './connection/backoff.js';
import { ensureNodeIdentity } from './connection/credentials.js';
import { EventRecorder } from './connection/event-recorder.js';
import { keepHeartbeating } from './connection/heartbeats.js';
import type { Heartbeats } from './connection/heartbeats.js';
import { watchPods } from './connection/pod-watch.js';
import { StatusReporter } from './connection/status-reporter.js';
import { EngineClient, engineFor } from './docker/engine-client.js';
import type { DockerEndpoint } from './docker/engine-client.js';
import { RefStore } from './refs.js';
import { nodeInfoFromDocker, startRuntime } from './runtime/index.js';
import type { BackoffPolicy, PodEvent, Runtime } from './runtime/index.js';

export interface AgentOptions {
  /** NodeService host:port of the control plane */
  server: string;
  caPem: string;
  /** bootstrap token; needed only for the first start of a node */
  token?: string;
  nodeName: string;
  /** the address other nodes and the apiserver reach this node at */
  nodeIP: string;
  /** where the node's certificate is kept */
  dataDir: string;
  /** the engine, the caller's to close; default: the agent's own client on `dockerSocket` */
  docker?: DockerEndpoint;
  /** default /var/run/docker.sock */
  dockerSocket?: string;
  /** AgentService listen address and port (0: a free one) */
  agentHost?: string;
  agentPort?: number;
  labels?: Record<string, string>;
  heartbeatMs?: number;
  backoff?: BackoffPolicy;
  logger?: Logger;
}

export interface Agent {
  /** registered, runtime adopted its containers, the first full pod list applied, the lease renewed */
  readonly ready: Promise<void>;
  readonly nodeName: string;
  readonly agentPort: number;
  close(): Promise<void>;
}

const READY: NodeCondition = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'tug agent is posting ready status' };

/** `p`, or a rejection as soon as the agent is closing (start-up must never hold up close()). */
function unlessClosed<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('agent closed'));
    const onAbort = (): void => reject(new Error('agent closed'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Retries `fn` with back-off until it succeeds or the agent is closing. */
async function persist<T>(what: string, fn: () => Promise<T>, log: Logger, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await unlessClosed(fn(), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      const delay = reconnectDelay(attempt);
      log.warn({ err: (err as Error).message, delayMs: delay }, `${what} failed: retrying`);
      await unlessClosed(new Promise((r) => setTimeout(r, delay)), signal).catch(() => undefined);
    }
  }
}

async function nodeObject(opts: AgentOptions, docker: EngineClient, agentPort: number): Promise<Node> {
  const { capacity, allocatable, nodeInfo } = await nodeInfoFromDocker(docker);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: opts.nodeName, labels: { 'kubernetes.io/hostname': opts.nodeName, 'kubernetes.io/arch': nodeInfo.architecture, 'kubernetes.io/os': nodeInfo.operatingSystem, ...opts.labels } },
    status: {
      capacity,
      allocatable,
      nodeInfo,
      addresses: [{ type: 'InternalIP', address: opts.nodeIP }, { type: 'Hostname', address: opts.nodeName }],
      daemonEndpoints: { kubeletEndpoint: { Port: agentPort } },
      conditions: [{ ...READY, lastHeartbeatTime: rfc3339() }],
    },
  };
}

function eventFor(pod: Pod, e: PodEvent, node: string): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {},
    involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    type: e.type,
    reason: e.reason,
    message: e.message,
    source: { component: 'tug-agent', host: node },
  };
}

export async function startAgent(opts: AgentOptions): Promise<Agent> {
  const log = (opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' })).child({ component: 'node-agent', node: opts.nodeName });
  const lifetime = new AbortController();
  const { engine: docker, owned: ownsEngine } = opts.docker ? engineFor(opts.docker) : { engine: new EngineClient({ socketPath: opts.dockerSocket }), owned: true };
  const identity = await ensureNodeIdentity({ server: opts.server, caPem: opts.caPem, token: opts.token, nodeName: opts.nodeName, addresses: [opts.nodeIP], dataDir: opts.dataDir });
  let runtime: Runtime | undefined;
  const agentService = await startAgentService({
    identity,
    host: opts.agentHost ?? '0.0.0.0',
    port: opts.agentPort ?? 10250,
    log,
    runtime: () => {
      if (!runtime) throw new Error('the node agent is still starting');
      return runtime;
    },
  });
  const client: NodeServiceClient = new (protos().node.NodeService)(opts.server, channelCredentials(identity), KEEPALIVE_OPTIONS);
  const statuses = new StatusReporter(client, log);
  const events = new EventRecorder(client, log);
  const refs = new RefStore();
  let heartbeats: Heartbeats | undefined;
  let stream: { close(): void } | undefined;

  const ready = (async () => {
    const node = await unlessClosed(nodeObject(opts, docker, agentService.port), lifetime.signal);
    const registered = await persist('register', () => unary(client.Register.bind(client), { node_json: Buffer.from(JSON.stringify(node)) }), log, lifetime.signal);
    const config = registered.config as NodeConfig;
    log.info({ podCIDR: config.pod_cidr }, 'node registered');
    if (lifetime.signal.aborted) throw new Error('agent closed');
    runtime = startRuntime({
      docker,
      nodeName: opts.nodeName,
      hostIP: opts.nodeIP,
      network: { name: `tugboat-${opts.nodeName}`, subnet: config.pod_cidr },
      clusterDNS: config.cluster_dns,
      clusterDomain: config.cluster_domain,
      refs,
      logger: log,
      backoff: opts.backoff,
      onPodStatus: (pod, status) => statuses.report(pod, status),
      onPodTerminated: (pod) => {
        const { namespace = '', name = '', uid = '' } = pod.metadata;
        statuses.forget(uid);
        void persist('confirm deletion', () => unary(client.ConfirmPodDeleted.bind(client), { namespace, name, uid }), log, lifetime.signal).catch(() => undefined);
      },
      onEvent: (pod, e) => events.record(eventFor(pod, e, opts.nodeName)),
    });
    await unlessClosed(runtime.ready, lifetime.signal);
    const rt = runtime;
    await unlessClosed(new Promise<void>((resolve) => {
      stream = watchPods(
        client,
        {
          pod: (type, pod) => (type === 'DELETED' ? rt.removePod(pod.metadata.uid ?? '') : rt.upsertPod(pod)),
          ref: (type, obj) => {
            refs.apply(type, obj);
            rt.refsChanged();
          },
          synced: (pods) => {
            rt.resync(pods);
            resolve();
          },
        },
        { log },
      );
    }), lifetime.signal);
    // ready once the lease exists: the control plane counts a node without one as never heard from
    await unlessClosed(new Promise<void>((resolve) => {
      heartbeats = keepHeartbeating(client, { periodMs: opts.heartbeatMs ?? 10_000, conditions: () => [READY], log, onRenewed: resolve });
    }), lifetime.signal);
    log.info('node agent ready');
  })();
  ready.catch((err: unknown) => {
    if (!lifetime.signal.aborted) log.error({ err }, 'node agent failed to start');
  });

  return {
    ready,
    nodeName: opts.nodeName,
    agentPort: agentService.port,
    async close() {
      lifetime.abort();
      heartbeats?.close();
      stream?.close();
      await ready.catch(() => undefined);
      await runtime?.close();
      statuses.close();
      await events.close();
      await agentService.close();
      client.close();
      if (ownsEngine) docker.close();
    },
  };
}
