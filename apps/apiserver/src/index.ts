/**
 * @tugboat/apiserver: the Kubernetes-compatible API server on etcd.
 *
 *   const api = await startApiServer({ etcdEndpoints: ['http://127.0.0.1:2379'], dataDir: '/var/lib/tugboat',
 *                                      writeKubeconfig: '/etc/tugboat/admin.kubeconfig' });
 *   await api.ready;          // caches synced, system namespaces exist
 *   ...
 *   await api.close();
 */
export { startApiServer } from './server.js';
export type { ApiServer } from './server.js';
export type { ApiServerOptions } from './config.js';
export { issueCertificate, createCa } from './security/pki.js';
export type { KeyPair } from './security/pki.js';
/** the v5.channel.k8s.io framing of pods/exec, for clients (`tug exec`) */
