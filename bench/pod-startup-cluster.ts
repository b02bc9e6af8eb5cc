/**
 * One node for the node benchmarks: the control plane in a forked child (control-plane.ts)
 * and the node agent as its own process, the built CLI (`node apps/cli/bin/tug.js agent …`, as in
 * production), on this machine's Docker engine. close() stops both and removes every container and
 * network labelled with the node's name. The agent's pino log (JSON lines) goes to a file, so the
 * benchmarks can read its timestamps.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Dockerode from 'dockerode';
import { cleanupNode, freeClusterCidr, testNodeName } from '@tugboat/node-agent/testing';
import type { Endpoint } from './http.js';
import { call, endpoint } from './http.js';
import { log } from './report.js';
import { startControlPlane } from './control-plane.js';
import type { BenchControlPlane } from './control-plane.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const TUG = join(REPO, 'apps/cli/bin/tug.js');
const TUG_MAIN = join(REPO, 'apps/cli/dist/main.js');

export { log } from './report.js';

function waitExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function stopChild(child: ChildProcess, how: () => void): Promise<void> {
  const exited = waitExit(child);
  how();
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

export interface BenchNode {
  readonly cp: BenchControlPlane;
  readonly cpPid: number;
  /** plain HTTP to the apiserver (insecure loopback port), keep-alive */
  readonly api: Endpoint;
  readonly nodeName: string;
  readonly agentPid: number;
  /** the agent's pino output, JSON lines */
  readonly agentLog: string;
  close(): Promise<void>;
}

export interface BenchNodeOptions {
  docker: Dockerode;
  /** the agent's LOG_LEVEL (pino); default info, as `tug agent` runs by default */
  agentLogLevel?: string;
  /** extra node args for the agent process, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/p'] */
  agentNodeArgs?: string[];
}

/** Control plane + agent process; resolves once the Node is Ready in the API. */
export async function startBenchNode(opts: BenchNodeOptions): Promise<BenchNode> {
  if (!existsSync(TUG_MAIN)) throw new Error(`${TUG_MAIN} is missing: build first (npx tsc -b)`);
  const { docker } = opts;
  const clusterCidr = await freeClusterCidr(docker);
  const cp = await startControlPlane({ clusterCidr });
  const api = endpoint(cp.insecureUrl, { sockets: 8 });
  const nodeName = `bench-${testNodeName()}`;
  const dir = await mkdtemp(join(tmpdir(), `tug-bench-${nodeName}-`));
  const caFile = join(dir, 'ca.crt');
  await writeFile(caFile, cp.caPem);
  const agentLog = join(dir, 'agent.log');
  const out = openSync(agentLog, 'a');
  const agent = spawn(process.execPath, [
    ...(opts.agentNodeArgs ?? []), TUG, 'agent',
    '--server', cp.nodeServiceAddress, '--ca-file', caFile, '--token', cp.nodeToken,
    '--node-name', nodeName, '--node-ip', '127.0.0.1', '--data-dir', join(dir, 'agent'), '--agent-port', '0',
  ], { cwd: REPO, env: { ...process.env, LOG_LEVEL: opts.agentLogLevel ?? 'info' }, stdio: ['ignore', out, out] });
  // a benchmark that dies must not leave an agent behind
  const killAgent = () => agent.kill('SIGKILL');
  process.once('exit', killAgent);
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= (async () => {
    await stopChild(agent, () => agent.kill('SIGTERM'));
    process.off('exit', killAgent);
    await cleanupNode(docker, nodeName).catch((err: unknown) => log(`cleanup of node ${nodeName} failed: ${String(err)}`));
    api.agent.destroy();
    await cp.close();
    await rm(dir, { recursive: true, force: true });
  })());
  try {
    await waitFor(`node ${nodeName} Ready`, 60_000, async () => {
      if (agent.exitCode !== null) throw new Error(`the agent exited (code ${agent.exitCode}): ${readFileSync(agentLog, 'utf8').slice(-2000)}`);
      const node = JSON.parse((await call(api, { method: 'GET', path: `/api/v1/nodes/${nodeName}` }).catch(() => ({ body: '{}' }))).body) as PodLike;
      return conditionOf(node, 'Ready') === 'True';
    });
  } catch (err) {
    await close();
    throw err;
  }
  return { cp, cpPid: cp.pid, api, nodeName, agentPid: agent.pid!, agentLog, close };
}

export interface PodLike {
  metadata?: { name?: string; resourceVersion?: string };
  status?: { phase?: string; hostIP?: string; conditions?: { type: string; status: string }[] };
}

export function conditionOf(obj: PodLike | undefined, type: string): string | undefined {
  return obj?.status?.conditions?.find((c) => c.type === type)?.status;
}

/** One busybox container sleeping, bound to the node (no scheduler). */
export function sleeperPod(name: string, nodeName: string): string {
  return JSON.stringify({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'bench-sleeper' } },
    spec: { nodeName, terminationGracePeriodSeconds: 1, containers: [{ name: 'app', image: 'tugboat/busybox:1', command: ['sleep', '3600'] }] },
  });
}

export async function createNamespace(ep: Endpoint, name: string): Promise<void> {
  await call(ep, { method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }) });
}

export async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** VmRSS and VmHWM (peak RSS) of a process in MB (10^6 bytes), from /proc. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: (kb('VmRSS') * 1024) / 1e6, hwm: (kb('VmHWM') * 1024) / 1e6 };
}
