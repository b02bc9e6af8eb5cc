/**
 * A real control plane for tests and benchmarks: a real etcd process and the apiserver, on free
 * ports, with an admin kubeconfig in a temp dir. `close()` removes everything it made.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEtcd } from '@tugboat/store';
import type { EtcdProcess } from '@tugboat/store';
import { pino } from 'pino';
import type { ApiServer } from '../server.js';
import { startApiServer } from '../server.js';

export interface TestControlPlane {
  readonly api: ApiServer;
  readonly etcd: EtcdProcess;
  readonly dir: string;
  readonly kubeconfigPath: string;
  /** restart the apiserver on the same etcd and data dir (state must survive) */
  restartApiServer(): Promise<ApiServer>;
  close(): Promise<void>;
}

export interface TestControlPlaneOptions {
  /** also serve plain HTTP on loopback */
  insecure?: boolean;
  /** pod CIDRs of nodes come from here; tests that run pods on Docker pick one no other test uses */
  clusterCidr?: string;
}

export async function startTestControlPlane(opts: TestControlPlaneOptions = {}): Promise<TestControlPlane> {
  const dir = await mkdtemp(join(tmpdir(), 'tugboat-test-'));
  const etcd = await startEtcd();
  const kubeconfigPath = join(dir, 'admin.kubeconfig');
  // after a restart agents reconnect to the same NodeService port
  let nodeServicePort = 0;
  const start = () =>
    startApiServer({
      nodeServicePort,
      ...(opts.clusterCidr ? { clusterCidr: opts.clusterCidr } : {}),
      etcdEndpoints: [etcd.endpoint],
      dataDir: join(dir, 'data'),
      bindAddress: '127.0.0.1',
      securePort: 0,
      insecurePort: opts.insecure ? 0 : undefined,
      writeKubeconfig: kubeconfigPath,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
    });
  let api = await start();
  await api.ready;
  nodeServicePort = Number(api.nodeServiceAddress.split(':').pop());
  return {
    get api() {
      return api;
    },
    etcd,
    dir,
    kubeconfigPath,
    async restartApiServer() {
      await api.close();
      api = await start();
      await api.ready;
      return api;
    },
    async close() {
      await api.close();
      await etcd.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
