/**
 * Test-only: a real etcd plus the real apiserver on free loopback ports, and an HttpRestClient
 * built from the admin kubeconfig the server issues (so TLS, CA and token handling are exercised
 * too). Excluded from the build: only *.int.test.ts import it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApiServer } from '@tugboat/apiserver';
import type { ApiServer } from '@tugboat/apiserver';
import { startEtcd } from '@tugboat/store';
import type { EtcdProcess } from '@tugboat/store';
import { pino } from 'pino';
import { restClientFromKubeConfig } from '../client-from-config.js';
import type { HttpRestClient } from '../http-client.js';
import { parseKubeConfig } from '../kubeconfig.js';

export interface TestCluster {
  readonly etcd: EtcdProcess;
  readonly client: HttpRestClient;
  api(): ApiServer;
  /** stop the apiserver only (etcd and data stay), e.g. to make watches fail */
  stopApiServer(): Promise<void>;
  /** start it again on the same port with the same certificates and token */
  startApiServer(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const etcd = await startEtcd();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tugboat-client-it-'));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const launch = async (securePort: number): Promise<ApiServer> => {
    const s = await startApiServer({ etcdEndpoints: [etcd.endpoint], dataDir, bindAddress: '127.0.0.1', securePort, nodeServicePort: 0, logger });
    await s.ready;
    return s;
  };
  let api: ApiServer | undefined = await launch(0);
  const port = Number(new URL(api.secureUrl).port);
  const client = restClientFromKubeConfig(parseKubeConfig(api.kubeconfig), { userAgent: 'tugboat-client-it' });
  return {
    etcd,
    client,
    api: () => {
      if (!api) throw new Error('apiserver is stopped');
      return api;
    },
    async stopApiServer() {
      await api?.close();
      api = undefined;
    },
    async startApiServer() {
      api ??= await launch(port);
    },
    async close() {
      client.close();
      await api?.close();
      await etcd.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
