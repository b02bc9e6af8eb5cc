/** `docker exec` with attached streams, TTY resize and the exit code (which only exec inspect knows). */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Readable, Writable } from 'node:stream';
import { demuxStream } from './demux.js';
import type { EngineClient } from './engine-client.js';

export interface ExecOptions {
  command: string[];
  stdin: boolean;
  tty: boolean;
}

export interface ExecSession {
  stdin: Writable | null;
  stdout: Readable;
  /** null with a TTY: the terminal merges both streams */
  stderr: Readable | null;
  resize(cols: number, rows: number): Promise<void>;
  /** resolves when the process has exited */
  exitCode: Promise<number>;
  /** drop the connection (the process itself keeps running: the engine cannot kill an exec) */
  abort(): void;
}

export async function execInContainer(docker: EngineClient, containerId: string, opts: ExecOptions): Promise<ExecSession> {
  const { Id: execId } = await docker.createExec(containerId, {
    Cmd: opts.command, AttachStdin: opts.stdin, AttachStdout: true, AttachStderr: true, Tty: opts.tty,
  });
  const socket = await docker.startExec(execId, { tty: opts.tty });
  const stdout = new PassThrough();
  const stderr = opts.tty ? null : new PassThrough();
  if (opts.tty) socket.pipe(stdout);
  else demuxStream(socket, stdout, stderr!);
  const exitCode = (async () => {
    await Promise.race([once(socket, 'end'), once(socket, 'close')]).catch(() => undefined);
    stdout.end();
    stderr?.end();
    // The exec may need a moment to be marked finished after its stream ends.
    for (let i = 0; i < 50; i++) {
      const info = await docker.inspectExec(execId);
      if (!info.Running && info.ExitCode !== null) return info.ExitCode;
      await new Promise((r) => setTimeout(r, 100));
    }
    return -1;
  })();
  return {
    stdin: opts.stdin ? socket : null,
    stdout,
    stderr,
    resize: async (cols, rows) => {
      if (opts.tty) await docker.resizeExec(execId, cols, rows);
    },
    exitCode,
    abort: () => socket.destroy(),
  };
}

/** Run a command to completion and collect its output (used by exec probes); rejects after timeoutMs. */
export async function runInContainer(docker: EngineClient, containerId: string, command: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
  const session = await execInContainer(docker, containerId, { command, stdin: false, tty: false });
  const chunks: Buffer[] = [];
  session.stdout.on('data', (b: Buffer) => chunks.push(b));
  session.stderr?.on('data', (b: Buffer) => chunks.push(b));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`command timed out after ${timeoutMs / 1000}s`)), timeoutMs);
  });
  try {
    const exitCode = await Promise.race([session.exitCode, timeout]);
    return { exitCode, output: Buffer.concat(chunks).toString('utf8').slice(0, 1024) };
  } finally {
    clearTimeout(timer);
    session.abort();
  }
}
