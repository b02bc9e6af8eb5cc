import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    readStdin: () => Promise.resolve(''),
  };
  return { out, io };
}

describe('runCli', () => {
  it('prints help listing every verb', async () => {
    const { out, io } = capture();
    expect(await runCli(['--help'], { io, env: {} })).toBe(0);
    for (const verb of ['server', 'get', 'describe', 'apply', 'create', 'delete', 'scale', 'label', 'version', 'api-resources']) {
      expect(out.stdout).toContain(`  ${verb} `);
    }
  });

  it('prints a command help with its flags', async () => {
    const { out, io } = capture();
    expect(await runCli(['get', '--help'], { io, env: {} })).toBe(0);
    expect(out.stdout).toContain('-o, --output string');
    expect(out.stdout).toContain('-n, --namespace string');
  });

  it('fails on unknown verbs and flags like kubectl', async () => {
    const a = capture();
    expect(await runCli(['frobnicate'], { io: a.io, env: {} })).toBe(1);
    expect(a.out.stderr).toContain('error: unknown command "frobnicate" for "tug"');
    const b = capture();
    expect(await runCli(['get', 'pods', '--bogus'], { io: b.io, env: {} })).toBe(1);
    expect(b.out.stderr).toBe('error: unknown flag: --bogus\n');
  });

  it('reports usage errors before touching the kubeconfig', async () => {
    const { out, io } = capture();
    expect(await runCli(['scale', 'deploy/web'], { io, env: { KUBECONFIG: '/nonexistent' } })).toBe(1);
    expect(out.stderr).toBe('error: required flag(s) "replicas" not set\n');
  });

  it('reports an unreadable kubeconfig', async () => {
    const { out, io } = capture();
    expect(await runCli(['get', 'pods'], { io, env: { KUBECONFIG: '/nonexistent/config' } })).toBe(1);
    expect(out.stderr).toMatch(/^error: cannot read kubeconfig \/nonexistent\/config/);
  });

  it('prints the client version without a server', async () => {
    const { out, io } = capture();
    expect(await runCli(['version', '--client'], { io, env: {} })).toBe(0);
    expect(out.stdout).toMatch(/^Client Version: v\d+\.\d+\.\d+\n$/);
  });
});
