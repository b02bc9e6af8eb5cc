/** Forks control-plane-child.ts and waits for its addresses; close() stops it (and it stops itself if we die). */
import { SERVER_NODE_FLAGS } from '@tugboat/apiserver/node-flags';
import { fileURLToPath } from 'node:url';
import { forkReady } from './child.js';
import type { ControlPlaneInfo } from './control-plane-child.js';

export interface BenchControlPlane extends ControlPlaneInfo {
  pid: number;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./control-plane-child.ts', import.meta.url));

/** `cpuProfDir`: write a V8 CPU profile of the control-plane process there on exit. */
export async function startControlPlane(opts: { cpuProfDir?: string; startTimeoutMs?: number; clusterCidr?: string } = {}): Promise<BenchControlPlane> {
  const nodeFlags = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  // the flags `tug server` runs with; BENCH_CP_NODE_FLAGS replaces them ('' = node's defaults), to compare
  nodeFlags.push(...(process.env.BENCH_CP_NODE_FLAGS ?? SERVER_NODE_FLAGS.join(' ')).split(' ').filter(Boolean));
  const env = opts.clusterCidr ? { ...process.env, BENCH_CLUSTER_CIDR: opts.clusterCidr } : process.env;
  const child = await forkReady<ControlPlaneInfo>(CHILD, { nodeFlags, env, what: 'control plane', ...(opts.startTimeoutMs ? { startTimeoutMs: opts.startTimeoutMs } : {}) });
  return { ...child.info, pid: child.pid, close: () => child.close() };
}
