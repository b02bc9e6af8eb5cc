/**
 * The real `tug` binary (bin/tug.js → dist/main.js): `tug server` as a process that stops cleanly
 * on SIGTERM, stdin manifests, and `get -w` printing rows as events arrive.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startEtcd } from '@tugboat/store';
import type { EtcdProcess } from '@tugboat/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TUG_BUILT, eventually, spawnTug, tugBin } from './harness.js';

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// `make test` builds before it tests; a missing build is a failure, not a skip
describe('the tug binary', () => {
  let etcd: EtcdProcess;
  let dir: string;
  let server: ChildProcess;
  let serverLog = '';
  let kubeconfig: string;

  beforeAll(async () => {
    if (!TUG_BUILT) throw new Error('apps/cli/dist is missing: run `npm run build` (make test does) before this test');
    etcd = await startEtcd();
    dir = await mkdtemp(join(tmpdir(), 'tug-bin-'));
    kubeconfig = join(dir, 'admin.kubeconfig');
    server = spawnTug(
      ['server', `--etcd-servers=${etcd.endpoint}`, `--data-dir=${join(dir, 'data')}`, '--bind-address=127.0.0.1', '--secure-port=0', '--node-service-port=0', `--write-kubeconfig=${kubeconfig}`],
      { LOG_LEVEL: 'warn' },
    );
    server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
    server.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()));
    await eventually(() => serverLog, (log) => log.includes('apiserver ready') || server.exitCode !== null, 60_000);
    if (server.exitCode !== null) throw new Error(`tug server exited: ${serverLog}`);
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await exited(server);
    }
    await etcd?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({ KUBECONFIG: kubeconfig });

  it('serves the API: version and namespaces through the written kubeconfig', async () => {
    const v = await tugBin(['version'], { env: env() });
    expect(v.stderr).toBe('');
    expect(v.stdout).toMatch(/^Client Version: v\d+\.\d+\.\d+\nServer Version: v1\.\d+/);
    const ns = await tugBin(['get', 'ns'], { env: env() });
    expect(ns.stdout).toMatch(/^NAME\s+STATUS\s+AGE\n/);
    expect(ns.stdout).toMatch(/\ndefault\s+Active\s+/);
  });

  it('applies a manifest from stdin', async () => {
    const r = await tugBin(['apply', '-f', '-'], { env: env(), stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-stdin\ndata:\n  a: b\n' });
    expect(r).toEqual({ code: 0, stdout: 'configmap/from-stdin created\n', stderr: '' });
  });

  it('exits non-zero with the server error', async () => {
    const r = await tugBin(['get', 'cm', 'missing'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "missing" not found\n');
  });

  it('watches: prints the current rows, then new rows as events arrive', async () => {
    const watcher = spawnTug(['get', 'cm', '-w'], env());
    let out = '';
    watcher.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await eventually(() => out, (o) => o.includes('from-stdin'));
      expect(out).toMatch(/^NAME\s+DATA\s+AGE\nfrom-stdin\s+1\s+/);
      await tugBin(['create', '-f', '-'], { env: env(), stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\n' });
      await eventually(() => out, (o) => /\nwatched\s+0\s+/.test(o));
      expect(out.split('\n').filter((l) => l.startsWith('NAME'))).toHaveLength(1);
    } finally {
      watcher.kill('SIGTERM');
      await exited(watcher);
    }
  });

  it('stops the control plane on SIGTERM and exits 0', async () => {
    const done = exited(server);
    server.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(serverLog).toContain('apiserver stopped');
  });
});
