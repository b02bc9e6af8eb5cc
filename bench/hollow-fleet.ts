/**
 * Child process hosting many hollow agents (a SIMULATION: they register and report, run nothing),
 * so their gRPC and JSON work has its own event loop and its CPU is measured apart from the
 * scheduler's and the apiserver's. Started by hollow-fleet-process.ts; talks to it over IPC:
 * in `start`, `flush` (send held-back pod statuses), `close`; out `ready`, `progress` (pods first
 * seen on their node's stream, with the time, and status writes done), `failed`.
 * It closes every agent and exits on `close`, when the parent goes away, or on SIGTERM/SIGINT.
 */
import { KEEPALIVE_OPTIONS, channelCredentials, protos } from '@tugboat/rpc';
import { HollowAgent } from './hollow-agent.js';
import type { FleetConfig, FromFleet, ToFleet } from './hollow-fleet-process.js';
import { epochMs, runBounded } from './stats.js';

const PROGRESS_MS = 100;

const nodeName = (i: number): string => `hollow-${String(i).padStart(4, '0')}`;
/** a fake, unique address per node (10.x.y.z outside the pod CIDRs the bench gives out) */
const nodeIP = (i: number): string => `10.${(i >> 16) & 127}.${(i >> 8) & 255}.${i & 255}`;

const send = (m: FromFleet): void => void process.send?.(m);
const agents: HollowAgent[] = [];
let seen: [string, number][] = [];
let statusOk = 0;
let statusFailed = 0;
let progress: NodeJS.Timeout | undefined;
let bootstrap: ReturnType<typeof newBootstrap> | undefined;

function newBootstrap(config: FleetConfig) {
  return new (protos().node.NodeService)(config.server, channelCredentials({ caPem: config.caPem }), KEEPALIVE_OPTIONS);
}

function report(): void {
  const statusPending = agents.reduce((n, a) => n + a.pendingStatuses(), 0);
  send({ type: 'progress', seen, statusOk, statusFailed, statusPending });
  seen = [];
}

async function start(config: FleetConfig): Promise<void> {
  const t0 = performance.now();
  const boot = (bootstrap = newBootstrap(config));
  for (let i = 0; i < config.nodes; i++) {
    agents.push(
      new HollowAgent({
        server: config.server,
        caPem: config.caPem,
        token: config.token,
        nodeName: nodeName(i),
        nodeIP: nodeIP(i),
        bootstrap: boot,
        heartbeatMs: config.heartbeatMs,
        deferStatus: config.deferStatus,
        onPod: (name) => seen.push([name, epochMs()]),
        onStatus: (ok) => (ok ? statusOk++ : statusFailed++),
      }),
    );
  }
  await runBounded(config.nodes, config.startConcurrency, Infinity, (i) => agents[i]!.start());
  progress = setInterval(report, PROGRESS_MS);
  send({ type: 'ready', nodes: agents.length, ms: performance.now() - t0 });
}

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  clearInterval(progress);
  for (const a of agents) a.close();
  bootstrap?.close();
  process.exit(0);
}

process.on('message', (m: ToFleet) => {
  if (m.type === 'start') void start(m.config).catch((err: unknown) => send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
  else if (m.type === 'flush') for (const a of agents) a.flushStatuses();
  else shutdown();
});
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
