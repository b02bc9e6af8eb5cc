/**
 * Runs the test control plane (etcd + apiserver) in a child process, so the apiserver has an event
 * loop of its own, as in production, and the benchmark's clients do not share it. The parent gets
 * the addresses over IPC; the child closes everything on 'close' or when the parent goes away.
 */
import { startTestControlPlane } from '@tugboat/apiserver/testing';

export interface ControlPlaneInfo {
  insecureUrl: string;
  secureUrl: string;
  adminToken: string;
  caPem: string;
  etcdEndpoint: string;
}

const cp = await startTestControlPlane({ insecure: true });
let closing: Promise<void> | undefined;
const shutdown = () => {
  closing ??= cp.close().finally(() => process.exit(0));
};
process.on('message', (m) => m === 'close' && shutdown());
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
const info: ControlPlaneInfo = {
  insecureUrl: cp.api.insecureUrl!,
  secureUrl: cp.api.secureUrl,
  adminToken: cp.api.adminToken,
  caPem: cp.api.caPem,
  etcdEndpoint: cp.etcd.endpoint,
};
process.send!(info);
