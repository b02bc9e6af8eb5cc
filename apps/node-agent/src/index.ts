/**
 * @tugboat/node-agent: the kubelet of Tugboat. `startAgent` joins a node to the control plane over
 * gRPC and runs its pods on Docker (the runtime in runtime/, driven by the pod stream).
 */
export { startAgent } from './agent.js';
export type { Agent, AgentOptions } from './agent.js';
export * from './runtime/index.js';
export { EngineClient, EngineError } from './docker/engine-client.js';
export type { DockerEndpoint, EngineClientOptions } from './docker/engine-client.js';
// the connection to the control plane, for other NodeService clients (the benchmarks' hollow nodes)
export { watchPods } from './connection/pod-watch.js';
export type { ObjectEventType, PodWatch, PodWatchHandlers } from './connection/pod-watch.js';
export { StatusReporter } from './connection/status-reporter.js';
export { keepHeartbeating } from './connection/heartbeats.js';
export type { HeartbeatOptions, Heartbeats } from './connection/heartbeats.js';
export { reconnectDelay } from './connection/backoff.js';
