/**
 * TLS for both services. The cluster CA issues every certificate; clients always verify the server
 * against it. NodeService *requests* a client certificate without requiring one (Join is how a node
 * gets its certificate), and checks it per call with peerIdentity(); AgentService requires one.
 */
import * as grpc from '@grpc/grpc-js';

export interface TlsIdentity {
  caPem: string;
  certPem: string;
  keyPem: string;
}

type CaListener = (update: { caCertificate: Buffer } | null) => void;
type IdentityListener = (update: { certificate: Buffer; privateKey: Buffer } | null) => void;

/**
 * A certificate provider whose certificates never change (grpc-js' interface is built for rotation).
 * Listeners are called on the next tick: grpc-js registers its own watcher only after adding ours,
 * and a synchronous update would reach nobody, leaving the server refusing every connection.
 */
function staticProvider(id: TlsIdentity): grpc.experimental.CertificateProvider {
  return {
    addCaCertificateListener: (l: CaListener) => queueMicrotask(() => l({ caCertificate: Buffer.from(id.caPem) })),
    removeCaCertificateListener: () => undefined,
    addIdentityCertificateListener: (l: IdentityListener) => queueMicrotask(() => l({ certificate: Buffer.from(id.certPem), privateKey: Buffer.from(id.keyPem) })),
    removeIdentityCertificateListener: () => undefined,
  };
}

export function serverCredentials(id: TlsIdentity, clientCertificates: 'require' | 'request'): grpc.ServerCredentials {
  if (clientCertificates === 'require') {
    return grpc.ServerCredentials.createSsl(Buffer.from(id.caPem), [{ private_key: Buffer.from(id.keyPem), cert_chain: Buffer.from(id.certPem) }], true);
  }
  const provider = staticProvider(id);
  return grpc.experimental.createCertificateProviderServerCredentials(provider, provider, false);
}

export interface ClientTls {
  caPem: string;
  /** Absent only for Join, which a node makes before it has a certificate. */
  certPem?: string;
  keyPem?: string;
}

export function channelCredentials(tls: ClientTls): grpc.ChannelCredentials {
  const key = tls.keyPem ? Buffer.from(tls.keyPem) : null;
  const cert = tls.certPem ? Buffer.from(tls.certPem) : null;
  return grpc.credentials.createSsl(Buffer.from(tls.caPem), key, cert);
}

/**
 * The clients' keepalives (the servers' are SERVER_KEEPALIVE_OPTIONS): gRPC pings find a dead TCP
 * connection under a long-lived stream within ~15 s, where the kernel would take minutes. grpc-js
 * servers accept pings this frequent.
 */
export const KEEPALIVE_OPTIONS: grpc.ChannelOptions = {
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.initial_reconnect_backoff_ms': 500,
  'grpc.max_reconnect_backoff_ms': 10_000,
};

/**
 * The servers' side: a ping every 30 s finds a client that vanished without closing its connection
 * within ~40 s, and frees its streams (a node's 40 s lease says the same about the node). The clients
 * ping every 10 s for their own sake; the server pinging each of a thousand agents every 10 s as well
 * was another hundred pings a second on the apiserver.
 */
export const SERVER_KEEPALIVE_OPTIONS: grpc.ServerOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
};
