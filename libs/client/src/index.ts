/**
 * @tugboat/client: talking to the Tugboat (or any Kubernetes) apiserver.
 *
 *   import { loadKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
 *   import { resolveResourceName } from '@tugboat/api';
 *   const client = restClientFromKubeConfig(loadKubeConfig({ path: argv.kubeconfig }));
 *   const pods = resolveResourceName('pods')!;
 *   const list = await client.list(pods, { namespace: 'default', labelSelector: 'app=web' });
 *   for await (const ev of client.watch(pods, { resourceVersion: list.metadata.resourceVersion, signal })) {
 *     console.log(ev.type, ev.object.metadata.name);
 *   }
 */
export type { ListOptions, ObjectRef, RestClient, WatchOptions, WriteOptions } from './rest.js';
export { HttpRestClient, PATCH_MEDIA_TYPES } from './http-client.js';
export type { HttpClientOptions } from './http-client.js';
export { restClientFromKubeConfig } from './client-from-config.js';
export { kubeConfigPath, loadKubeConfig, parseKubeConfig } from './kubeconfig.js';
export type { ClusterConfig, KubeConfig, LoadKubeConfigOptions, ParseKubeConfigOptions, UserConfig } from './kubeconfig.js';
export { ConfigError } from './config-reader.js';
export { groupVersionPath, resourcePath } from './paths.js';
export { keyOf, splitKey } from './keys.js';
export type { ObjectKey } from './keys.js';
export { silentLogger } from './logger.js';
export type { Logger } from './logger.js';
