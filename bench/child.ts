/**
 * A benchmark's helper process: forked with the parent's loader flags, ready when it sends its first
 * IPC message (its addresses), closed by sending 'close' (SIGKILL after 15 s). The child stops by
 * itself when the parent goes away.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface BenchChild<T> {
  info: T;
  pid: number;
  close(): Promise<void>;
}

export interface ForkOptions {
  /** node flags on top of the parent's (process.execArgv carries tsx's loader and --conditions=@tugboat/source) */
  nodeFlags?: string[];
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
  /** what the child is, for error messages */
  what: string;
}

export async function forkReady<T>(file: string, opts: ForkOptions): Promise<BenchChild<T>> {
  const execArgv = [...process.execArgv, ...(opts.nodeFlags ?? [])];
  const child = fork(file, [], { execArgv, env: opts.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const info = await firstMessage<T>(child, opts.startTimeoutMs ?? 60_000, opts.what);
    return {
      info,
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

function firstMessage<T>(child: ChildProcess, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} not ready after ${timeoutMs} ms`)), timeoutMs);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited early (code ${code})`));
    });
  });
}
