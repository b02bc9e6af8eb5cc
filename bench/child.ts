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
  /** send `message` and resolve with the child's next message */
  ask<R>(message: string, timeoutMs?: number): Promise<R>;
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
      ask<R>(message: string, timeoutMs = 10_000): Promise<R> {
        const answer = firstMessage<R>(child, timeoutMs, opts.what, `answering '${message}'`);
        child.send(message);
        return answer;
      },
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

function firstMessage<T>(child: ChildProcess, timeoutMs: number, what: string, waitingFor = 'ready'): Promise<T> {
  return new Promise((resolve, reject) => {
    // settle() runs only from the listeners and the timer below, so `timer` is always set by then
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      fn();
    };
    const onMessage = (m: unknown) => settle(() => resolve(m as T));
    const onExit = (code: number | null) => settle(() => reject(new Error(`${what} exited early (code ${code})`)));
    const timer = setTimeout(() => settle(() => reject(new Error(`${what}: not ${waitingFor} after ${timeoutMs} ms`))), timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
