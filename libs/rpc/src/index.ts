/**
 * @tugboat/rpc: the gRPC transport between the control plane and node agents (proto/*.proto).
 *
 *   import { protos, serverCredentials, channelCredentials, PeerVerifier, unary, unaryHandler } from '@tugboat/rpc';
 *   const { node } = protos();
 *   server.addService(node.NodeService.service, handlers);            // handlers: NodeServiceHandlers
 *   const client = new node.NodeService(addr, channelCredentials(tls), KEEPALIVE_OPTIONS);
 *   const res = await unary(client.Register.bind(client), { node_json });
 *
 * Objects inside messages are JSON bytes of the Kubernetes API types (one schema for objects);
 * errors carry the Kubernetes Status (see errors.ts).
 */
import './grpc-fixes.js';

export { PROTO_DIR, PROTO_LOADER_OPTIONS, protos } from './proto.js';
export { KEEPALIVE_OPTIONS, SERVER_KEEPALIVE_OPTIONS, channelCredentials, serverCredentials } from './credentials.js';
export type { ClientTls, TlsIdentity } from './credentials.js';
export { PeerVerifier, subjectOf } from './peer.js';
export type { PeerIdentity } from './peer.js';
export { fromServiceError, toServiceError, unaryHandler } from './errors.js';
export { unary } from './call.js';
export { listen } from './server.js';
export type { ListenOptions, ListeningServer } from './server.js';
export type { CallOptions, UnaryMethod } from './call.js';
export { decodeJson, encodeJson } from './json.js';

export type { NodeServiceClient, NodeServiceHandlers } from './gen/tugboat/v1/NodeService.js';
export type { AgentServiceClient, AgentServiceHandlers } from './gen/tugboat/v1/AgentService.js';
export type { NodeConfig__Output as NodeConfig } from './gen/tugboat/v1/NodeConfig.js';
export type { WatchPodsEvent, WatchPodsEvent__Output } from './gen/tugboat/v1/WatchPodsEvent.js';
export type { HeartbeatRequest, HeartbeatRequest__Output } from './gen/tugboat/v1/HeartbeatRequest.js';
export type { HeartbeatResponse, HeartbeatResponse__Output } from './gen/tugboat/v1/HeartbeatResponse.js';
export type { JoinResponse__Output as JoinResponse } from './gen/tugboat/v1/JoinResponse.js';
export type { LogsRequest__Output } from './gen/tugboat/v1/LogsRequest.js';
export type { ExecInput, ExecInput__Output } from './gen/tugboat/v1/ExecInput.js';
export type { ExecOutput, ExecOutput__Output } from './gen/tugboat/v1/ExecOutput.js';
export type { ContainerRef__Output as ContainerRef } from './gen/tugboat/v1/ContainerRef.js';
