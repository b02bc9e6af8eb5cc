/**
 * The node agent's pod runtime on Docker: the library the agent's gRPC layer drives.
 *
 *   const runtime = startRuntime({ docker, nodeName, hostIP, network, clusterDNS, clusterDomain, refs, logger,
 *                                  onPodStatus, onPodTerminated, onEvent });
 *   await runtime.ready;              // adoption scan done, Docker events subscribed
 *   runtime.resync(podsBoundHere);    // full desired set; orphan GC starts now
 *   runtime.upsertPod(pod);           // spec changed / deletionTimestamp set
 *   runtime.removePod(uid);           // gone from the API
 *   await runtime.close();            // containers keep running; a new runtime adopts them
 *
 * Errors from logs/exec are ApiError (NotFound for an unknown pod, BadRequest for a bad container).
 */
export { startRuntime, DEFAULT_PAUSE_IMAGE } from './runtime.js';
export type {
  ContainerRef,
  ContainerStats,
  ExecRequest,
  ExecStreams,
  LogsOptions,
  PodEvent,
  PodStats,
  Runtime,
  RuntimeOptions,
} from './types.js';
export type { BackoffPolicy } from './backoff.js';
export type { RefLookup } from './env.js';
export { DEFAULT_BACKOFF } from './backoff.js';
export { nodeInfoFromDocker } from '../docker/node-info.js';
export type { NodeResources } from '../docker/node-info.js';
export { LABELS, LABEL_PREFIX } from '../docker/labels.js';
