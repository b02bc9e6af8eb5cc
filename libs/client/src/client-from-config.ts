/** Wiring a KubeConfig into the HTTP client: the one place config fields meet transport options. */
import { HttpRestClient } from './http-client.js';
import type { HttpClientOptions } from './http-client.js';
import type { KubeConfig } from './kubeconfig.js';

export function restClientFromKubeConfig(config: KubeConfig, extra: Partial<HttpClientOptions> = {}): HttpRestClient {
  return new HttpRestClient({
    server: config.cluster.server,
    ca: config.cluster.certificateAuthorityData,
    insecureSkipTlsVerify: config.cluster.insecureSkipTlsVerify,
    token: config.user.token,
    cert: config.user.clientCertificateData,
    key: config.user.clientKeyData,
    defaultNamespace: config.namespace,
    ...extra,
  });
}
