/**
 * Runs the test control plane (etcd + apiserver) in a child process, so the apiserver has an event
 * loop of its own, as in production, and the benchmark's clients do not share it. The parent gets
 * the addresses over IPC; the child closes everything on 'close' or when the parent goes away.
 * BENCH_CLUSTER_CIDR sets the cluster CIDR (node benchmarks pick one no Docker network overlaps).
 */
import { startTestControlPlane } from '@tugboat/apiserver/testing';

export interface ControlPlaneInfo {
  insecureUrl: string;
  secureUrl: string;
  adminToken: string;
  caPem: string;
  etcdEndpoint: string;
  /** NodeService host:port for `tug agent --server` */
  nodeServiceAddress: string;
  nodeToken: string;
}

const clusterCidr = process.env.BENCH_CLUSTER_CIDR;
const cp = await startTestControlPlane({ insecure: true, ...(clusterCidr ? { clusterCidr } : {}) });
/** a close that waits on an etcd that is already gone must not keep the process alive */
const CLOSE_DEADLINE_MS = 10_000;
let closing: Promise<void> | undefined;
const shutdown = () => {
  if (closing) return;
  setTimeout(() => process.exit(1), CLOSE_DEADLINE_MS).unref();
  closing = cp.close().finally(() => process.exit(0));
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
  nodeServiceAddress: cp.api.nodeServiceAddress,
  nodeToken: cp.api.nodeToken,
};
process.send!(info);
