/**
 * Running tug in integration tests: in-process through the dispatcher (`tugIn`), or as the real
 * binary (`tugBin`, apps/cli/bin/tug.js → dist/main.js, built by `tsc -b`).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli.js';

export interface TugResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const TUG_BIN = fileURLToPath(new URL('../../bin/tug.js', import.meta.url));
export const TUG_BUILT = existsSync(fileURLToPath(new URL('../../dist/main.js', import.meta.url)));

export async function tugIn(kubeconfig: string, args: string[], stdin = ''): Promise<TugResult> {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    readStdin: () => Promise.resolve(stdin),
  };
  const code = await runCli(args, { io, env: { KUBECONFIG: kubeconfig } });
  if (typeof code !== 'number') throw new Error('a long-running verb is not expected here');
  return { code, ...out };
}

/** Spawn the real binary; resolves when it exits (or is killed after timeoutMs). */
export function tugBin(args: string[], opts: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {}): Promise<TugResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTug(args, opts.env ?? {});
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin!.end(opts.stdin ?? '');
  });
}

export function spawnTug(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [TUG_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Wait until `read()` satisfies `ok`, polling; throws with the last value on timeout. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs}ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
