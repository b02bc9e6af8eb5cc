/**
 * startApiServer: etcd store → watch caches → bootstrap → HTTPS (and optionally loopback HTTP)
 * listeners. Returns `{ ready, close() }`; close stops listeners, open watches, caches and etcd.
 */
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '@tugboat/api';
import { Store } from '@tugboat/store';
import { pino } from 'pino';
import { namespaceLifecycle } from './admission/namespace-lifecycle.js';
import { serviceAllocator } from './admission/service-allocator.js';
import { bootstrap } from './bootstrap.js';
import type { ApiServerOptions } from './config.js';
import { RESERVED_SERVICE_IPS, withDefaults } from './config.js';
import { createRouter } from './http/router.js';
import { createMetrics } from './metrics.js';
import { ensurePki } from './security/pki.js';
import { adminKubeconfig, writeKubeconfig } from './security/kubeconfig.js';
import { ensureAdminToken, ensureNodeToken, tokenAuthenticator } from './security/tokens.js';
import { startNodeService } from './nodes/node-service.js';
import type { NodeServiceServer } from './nodes/node-service.js';
import { PeerVerifier } from '@tugboat/rpc';
import { AgentDialer } from './pod-streams/agent-dialer.js';
import { createExecUpgradeHandler } from './pod-streams/exec.js';
import { admissionChain } from './storage/admission.js';
import { Storage } from './storage/storage.js';

export interface ApiServer {
  readonly ready: Promise<void>;
  readonly secureUrl: string;
  readonly insecureUrl: string | undefined;
  readonly caPem: string;
  readonly adminToken: string;
  /** the bootstrap token node agents join with (also in dataDir/node-token) */
  readonly nodeToken: string;
  /** host:port of the gRPC NodeService */
  readonly nodeServiceAddress: string;
  /** the admin kubeconfig (also written to writeKubeconfig when given) */
  readonly kubeconfig: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlHost(bind: string): string {
  return bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind;
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const opts = withDefaults(options);
  const log = (opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' })).child({ component: 'apiserver' });
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const [pki, adminToken, nodeToken] = await Promise.all([ensurePki(opts.dataDir, opts.tlsSans), ensureAdminToken(opts.dataDir), ensureNodeToken(opts.dataDir)]);

  const store = new Store({ endpoints: opts.etcdEndpoints });
  const admission = admissionChain([
    namespaceLifecycle(async (name) => {
      const ns = storage.byKind('Namespace');
      return ns.cache.get(name)?.obj ?? (await ns.get(undefined, name).catch(() => undefined));
    }),
    serviceAllocator({
      serviceCidr: opts.serviceCidr,
      nodePortRange: opts.nodePortRange,
      reserved: RESERVED_SERVICE_IPS,
      services: function* (): Iterable<KubeObject> {
        for (const c of storage.byKind('Service').cache.list()) yield c.obj;
      },
    }),
  ]);
  const storage: Storage = new Storage(store, log, () => admission);
  const lifetime = new AbortController();
  const metrics = createMetrics();
  let ready = false;
  const dialer = new AgentDialer({ caPem: pki.ca.certPem, certPem: pki.agentClient.certPem, keyPem: pki.agentClient.keyPem });
  const routerDeps = { storage, log, metrics, authenticate: tokenAuthenticator(adminToken), isReady: () => ready, signal: lifetime.signal, dialer };
  // pods/exec arrives as a WebSocket upgrade, which never reaches the router
  const execUpgrade = (trusted: boolean) => createExecUpgradeHandler({ storage, dialer, log, authenticate: routerDeps.authenticate, trusted });
  const execHandlers = [execUpgrade(false)];

  const secure = createHttpsServer({ cert: pki.serving.certPem, key: pki.serving.keyPem, ca: pki.ca.certPem }, createRouter({ ...routerDeps, trusted: false }));
  secure.on('upgrade', execHandlers[0]!);
  const servers: Server[] = [secure];
  const securePort = await listen(secure, opts.securePort, opts.bindAddress);
  const secureUrl = `https://${urlHost(opts.bindAddress)}:${securePort}`;
  let insecureUrl: string | undefined;
  if (opts.insecurePort !== undefined) {
    const plain = createHttpServer(createRouter({ ...routerDeps, trusted: true }));
    const plainExec = execUpgrade(true);
    execHandlers.push(plainExec);
    plain.on('upgrade', plainExec);
    servers.push(plain);
    insecureUrl = `http://127.0.0.1:${await listen(plain, opts.insecurePort, '127.0.0.1')}`;
  }
  for (const s of servers) s.keepAliveTimeout = 65_000;

  const nodeService: NodeServiceServer = await startNodeService(
    {
      storage,
      ca: pki.ca,
      nodeToken,
      network: { clusterCidr: opts.clusterCidr, serviceCidr: opts.serviceCidr, clusterDns: opts.clusterDns, clusterDomain: opts.clusterDomain },
      verifier: new PeerVerifier(pki.ca.certPem),
      log: log.child({ component: 'node-service' }),
    },
    { host: opts.bindAddress, port: opts.nodeServicePort, tls: pki.serving },
  );
  const nodeServiceAddress = `${urlHost(opts.bindAddress)}:${nodeService.port}`;

  const kubeconfig = adminKubeconfig(secureUrl, pki.ca.certPem, adminToken);
  const readyPromise = (async () => {
    await storage.start();
    await bootstrap(storage);
    if (opts.writeKubeconfig) await writeKubeconfig(opts.writeKubeconfig, kubeconfig);
    ready = true;
    log.info({ secureUrl, insecureUrl }, 'apiserver ready');
  })();
  readyPromise.catch((err) => log.error({ err }, 'apiserver failed to start'));

  return {
    ready: readyPromise,
    secureUrl,
    insecureUrl,
    caPem: pki.ca.certPem,
    adminToken,
    nodeToken,
    nodeServiceAddress,
    kubeconfig,
    async close() {
      lifetime.abort();
      for (const h of execHandlers) h.close();
      dialer.close();
      await nodeService.close();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      await readyPromise.catch(() => undefined);
      await storage.close();
      store.close();
    },
  };
}
