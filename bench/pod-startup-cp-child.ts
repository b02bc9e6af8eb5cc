/**
 * The control plane (etcd + apiserver) for the node benchmarks, in a child process of its own, with
 * the cluster CIDR the parent chose (one no Docker network overlaps). The parent gets the addresses,
 * the CA and the bootstrap token over IPC; the child closes everything on 'close' or when the parent
 * goes away. (control-plane-child.ts does the same for the apiserver benchmark, without node service.)
 */
import { startTestControlPlane } from '@tugboat/apiserver/testing';

export interface NodeControlPlaneInfo {
  insecureUrl: string;
  /** NodeService host:port for `tug agent --server` */
  nodeServiceAddress: string;
  nodeToken: string;
  caPem: string;
}

const clusterCidr = process.env.BENCH_CLUSTER_CIDR;
const cp = await startTestControlPlane({ insecure: true, ...(clusterCidr ? { clusterCidr } : {}) });
let closing: Promise<void> | undefined;
const shutdown = () => {
  closing ??= cp.close().finally(() => process.exit(0));
};
process.on('message', (m) => m === 'close' && shutdown());
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
const info: NodeControlPlaneInfo = {
  insecureUrl: cp.api.insecureUrl!,
  nodeServiceAddress: cp.api.nodeServiceAddress,
  nodeToken: cp.api.nodeToken,
  caPem: cp.api.caPem,
};
process.send!(info);
