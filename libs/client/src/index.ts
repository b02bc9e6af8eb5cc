/**
 * @tugboat/client: talking to the Tugboat (or any Kubernetes) apiserver, and running controllers.
 *
 *   import { createInformer, loadKubeConfig, restClientFromKubeConfig, runController } from '@tugboat/client';
 *   import { resourceFor } from '@tugboat/api';
 *
 *   const client = restClientFromKubeConfig(loadKubeConfig({ path: argv.kubeconfig }));
 *   const pods = createInformer({ client, resource: resourceFor('', 'v1', 'pods')!, logger });
 *   const podsRun = pods.start();
 *   const ctl = runController({
 *     name: 'replicaset', logger, workers: 2,
 *     informers: [replicaSets, { informer: pods, keys: (pod) => ownerKey(pod) }],
 *     reconcile: async (key, signal) => { ...read caches, write via client...; return {}; },
 *   });
 *   await ctl.ready;
 *   // shutdown: await ctl.close(); await podsRun.close(); client.close();
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

export { createInformer } from './informer.js';
export type { Informer, InformerOptions, Running } from './informer.js';
export type { ObjectCache } from './cache.js';
export { ADD, DELETE, UPDATE } from './handlers.js';
export type { InformerEventType, InformerHandlers } from './handlers.js';
export type { DelayFn } from './delay.js';

export { WorkQueue } from './workqueue.js';
export type { WorkQueueOptions } from './workqueue.js';
export { ItemExponentialRateLimiter } from './rate-limiter.js';
export type { RateLimiter } from './rate-limiter.js';
export { RECONNECT_BACKOFF, RETRY_BACKOFF, backoffDelay } from './backoff.js';
export type { BackoffPolicy } from './backoff.js';

export { runController } from './controller.js';
export type { ControllerOptions, ReconcileFn, ReconcileResult, RunningController, WatchSource } from './controller.js';
export { TerminalError, isTerminalError } from './terminal-error.js';

export { microTime, startLeaderElection } from './leader-election.js';
export type { LeaderElectionOptions, LeaderElector } from './leader-election.js';

export { silentLogger } from './logger.js';
export type { Logger } from './logger.js';
