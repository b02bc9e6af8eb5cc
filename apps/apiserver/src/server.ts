/**
 * startApiServer: etcd store → watch caches → bootstrap → HTTPS (and optionally loopback HTTP)
 * listeners. Returns `{ ready, close() }`; close stops listeners, open watches, caches and etcd.
 */
import { mkdir } from 'node:fs/promises';
import type { KubeObject } from '@tugboat/api';
import { Store } from '@tugboat/store';
import { pino } from 'pino';
import { namespaceLifecycle } from './admission/namespace-lifecycle.js';
import { serviceAllocator } from './admission/service-allocator.js';
import { bootstrap } from './bootstrap.js';
import type { ApiServerOptions } from './config.js';
import { RESERVED_SERVICE_IPS, withDefaults } from './config.js';
import { listenPlain, listenSecure } from './http/listeners.js';
import type { Listener } from './http/listeners.js';
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

  const tls = { cert: pki.serving.certPem, key: pki.serving.keyPem, ca: pki.ca.certPem };
  const secure = await listenSecure(tls, {
    handler: createRouter({ ...routerDeps, trusted: false }),
    onUpgrade: execHandlers[0]!,
    port: opts.securePort,
    host: opts.bindAddress,
  });
  const listeners: Listener[] = [secure];
  const secureUrl = `https://${urlHost(opts.bindAddress)}:${secure.port}`;
  let insecureUrl: string | undefined;
  if (opts.insecurePort !== undefined) {
    const plainExec = execUpgrade(true);
    execHandlers.push(plainExec);
    const plain = await listenPlain({ handler: createRouter({ ...routerDeps, trusted: true }), onUpgrade: plainExec, port: opts.insecurePort, host: '127.0.0.1' });
    listeners.push(plain);
    insecureUrl = `http://127.0.0.1:${plain.port}`;
  }

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
      await Promise.all(listeners.map((l) => l.close()));
      await readyPromise.catch(() => undefined);
      await storage.close();
      store.close();
    },
  };
}
