/**
 * Runs a real single-member etcd as a child process on free loopback ports: for tests, benchmarks
 * and `tug server --embedded-etcd`-style setups. The returned handle owns the process and its data dir.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EtcdProcess {
  readonly endpoint: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface StartEtcdOptions {
  /** etcd binary; default $ETCD_BIN or `etcd` on PATH */
  binary?: string;
  dataDir?: string;
  /** how long to wait for the member to answer /health */
  readyTimeoutMs?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(endpoint: string, deadline: number, exited: () => string | undefined): Promise<void> {
  for (;;) {
    const why = exited();
    if (why) throw new Error(`etcd exited before it was ready: ${why}`);
    try {
      const res = await fetch(`${endpoint}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`etcd at ${endpoint} not healthy in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startEtcd(opts: StartEtcdOptions = {}): Promise<EtcdProcess> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'tugboat-etcd-')));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child = spawn(
    opts.binary ?? process.env.ETCD_BIN ?? 'etcd',
    [
      '--name', 'default',
      '--data-dir', dataDir,
      '--listen-client-urls', endpoint,
      '--advertise-client-urls', endpoint,
      '--listen-peer-urls', peer,
      '--initial-advertise-peer-urls', peer,
      '--initial-cluster', `default=${peer}`,
      '--log-level', 'error',
      '--quota-backend-bytes', String(4 * 1024 * 1024 * 1024),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  let exit: string | undefined;
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  // An owner that exits without close() (a deadline's process.exit, an uncaught error) takes its
  // etcd with it: benchmark runs had left orphaned etcds behind, each holding ports and ~240 MB.
  const killWithOwner = (): void => void child.kill('SIGKILL');
  process.once('exit', killWithOwner);
  child.on('error', (err) => (exit = err.message));
  child.on('exit', (code, signal) => {
    exit = `code ${code} signal ${signal}: ${stderr}`;
    process.off('exit', killWithOwner);
  });
  try {
    await waitHealthy(endpoint, Date.now() + (opts.readyTimeoutMs ?? 20_000), () => exit);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    dataDir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
