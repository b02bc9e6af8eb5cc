/** Forks control-plane-child.ts and waits for its addresses; close() stops it (and it stops itself if we die). */
import { fork } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '@tugboat/apiserver/node-flags';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ControlPlaneInfo } from './control-plane-child.js';

export interface BenchControlPlane extends ControlPlaneInfo {
  pid: number;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./control-plane-child.ts', import.meta.url));

/** `cpuProfDir`: write a V8 CPU profile of the control-plane process there on exit. */
export async function startControlPlane(opts: { cpuProfDir?: string; startTimeoutMs?: number; clusterCidr?: string } = {}): Promise<BenchControlPlane> {
  // process.execArgv carries tsx's loader and --conditions=@tugboat/source into the child
  const execArgv = [...process.execArgv];
  if (opts.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  // the flags `tug server` runs with; BENCH_CP_NODE_FLAGS replaces them ('' = node's defaults), to compare
  execArgv.push(...(process.env.BENCH_CP_NODE_FLAGS ?? SERVER_NODE_FLAGS.join(' ')).split(' ').filter(Boolean));
  const env = opts.clusterCidr ? { ...process.env, BENCH_CLUSTER_CIDR: opts.clusterCidr } : process.env;
  const child = fork(CHILD, [], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const info = await firstMessage(child, opts.startTimeoutMs ?? 60_000);
    return {
      ...info,
      pid: child.pid!,
      async close() {
        if (child.connected) child.send('close');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    throw err;
  }
}

function firstMessage(child: ChildProcess, timeoutMs: number): Promise<ControlPlaneInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`control plane not ready after ${timeoutMs} ms`)), timeoutMs);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as ControlPlaneInfo);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`control plane exited early (code ${code})`));
    });
  });
}
