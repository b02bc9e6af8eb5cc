/** Runs the real kubectl against a test control plane, with its own discovery cache dir. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface KubectlRunner {
  (args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<CommandResult>;
}

export function runCommand(bin: string, args: string[], opts: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

export function kubectlFor(kubeconfigPath: string): KubectlRunner {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kubectl-cache-'));
  const env = { ...process.env, KUBECONFIG: kubeconfigPath, KUBECACHEDIR: cacheDir };
  return (args, opts = {}) => runCommand(process.env.KUBECTL ?? 'kubectl', ['--cache-dir', cacheDir, ...args], { ...opts, env });
}
