/** The apiserver's options, defaulted in one place before anything starts. */
import type { Logger } from 'pino';

export interface ApiServerOptions {
  etcdEndpoints: string[];
  /** certificates, tokens (created on first start) */
  dataDir: string;
  bindAddress?: string;
  /** HTTPS port; 0 picks a free one */
  securePort?: number;
  /** plain HTTP on 127.0.0.1 without authentication, for tests only; off unless set */
  insecurePort?: number;
  /** write an admin kubeconfig here */
  writeKubeconfig?: string;
  /** extra names/IPs for the serving certificate */
  tlsSans?: string[];
  serviceCidr?: string;
  nodePortRange?: [number, number];
  /** gRPC NodeService port for node agents (TLS); 0 picks a free one */
  nodeServicePort?: number;
  /** every node gets a /24 of it */
  clusterCidr?: string;
  /** what pods get as their resolver (the proxy-agent answers there) */
  clusterDns?: string[];
  clusterDomain?: string;
  logger?: Logger;
}

export type ResolvedOptions = Required<Omit<ApiServerOptions, 'insecurePort' | 'writeKubeconfig' | 'logger'>> &
  Pick<ApiServerOptions, 'insecurePort' | 'writeKubeconfig' | 'logger'>;

export function withDefaults(opts: ApiServerOptions): ResolvedOptions {
  if (opts.etcdEndpoints.length === 0) throw new Error('etcdEndpoints: at least one endpoint is required');
  return {
    bindAddress: '0.0.0.0',
    securePort: 6443,
    tlsSans: [],
    serviceCidr: '10.96.0.0/12',
    nodePortRange: [30000, 32767],
    nodeServicePort: 6444,
    clusterCidr: '10.244.0.0/16',
    clusterDns: ['10.96.0.10'],
    clusterDomain: 'cluster.local',
    ...opts,
  };
}

/** The first usable address of the service CIDR is the `kubernetes` Service; the tenth is cluster DNS. */
export const RESERVED_SERVICE_IPS = ['10.96.0.1', '10.96.0.10'];
