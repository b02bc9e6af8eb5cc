import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ConfirmPodDeletedRequest as _tugboat_v1_ConfirmPodDeletedRequest, ConfirmPodDeletedRequest__Output as _tugboat_v1_ConfirmPodDeletedRequest__Output } from './tugboat/v1/ConfirmPodDeletedRequest.js';
import type { ConfirmPodDeletedResponse as _tugboat_v1_ConfirmPodDeletedResponse, ConfirmPodDeletedResponse__Output as _tugboat_v1_ConfirmPodDeletedResponse__Output } from './tugboat/v1/ConfirmPodDeletedResponse.js';
import type { HeartbeatRequest as _tugboat_v1_HeartbeatRequest, HeartbeatRequest__Output as _tugboat_v1_HeartbeatRequest__Output } from './tugboat/v1/HeartbeatRequest.js';
import type { HeartbeatResponse as _tugboat_v1_HeartbeatResponse, HeartbeatResponse__Output as _tugboat_v1_HeartbeatResponse__Output } from './tugboat/v1/HeartbeatResponse.js';
import type { JoinRequest as _tugboat_v1_JoinRequest, JoinRequest__Output as _tugboat_v1_JoinRequest__Output } from './tugboat/v1/JoinRequest.js';
import type { JoinResponse as _tugboat_v1_JoinResponse, JoinResponse__Output as _tugboat_v1_JoinResponse__Output } from './tugboat/v1/JoinResponse.js';
import type { NodeConfig as _tugboat_v1_NodeConfig, NodeConfig__Output as _tugboat_v1_NodeConfig__Output } from './tugboat/v1/NodeConfig.js';
import type { NodeServiceClient as _tugboat_v1_NodeServiceClient, NodeServiceDefinition as _tugboat_v1_NodeServiceDefinition } from './tugboat/v1/NodeService.js';
import type { RecordEventsRequest as _tugboat_v1_RecordEventsRequest, RecordEventsRequest__Output as _tugboat_v1_RecordEventsRequest__Output } from './tugboat/v1/RecordEventsRequest.js';
import type { RecordEventsResponse as _tugboat_v1_RecordEventsResponse, RecordEventsResponse__Output as _tugboat_v1_RecordEventsResponse__Output } from './tugboat/v1/RecordEventsResponse.js';
import type { RegisterRequest as _tugboat_v1_RegisterRequest, RegisterRequest__Output as _tugboat_v1_RegisterRequest__Output } from './tugboat/v1/RegisterRequest.js';
import type { RegisterResponse as _tugboat_v1_RegisterResponse, RegisterResponse__Output as _tugboat_v1_RegisterResponse__Output } from './tugboat/v1/RegisterResponse.js';
import type { UpdatePodStatusRequest as _tugboat_v1_UpdatePodStatusRequest, UpdatePodStatusRequest__Output as _tugboat_v1_UpdatePodStatusRequest__Output } from './tugboat/v1/UpdatePodStatusRequest.js';
import type { UpdatePodStatusResponse as _tugboat_v1_UpdatePodStatusResponse, UpdatePodStatusResponse__Output as _tugboat_v1_UpdatePodStatusResponse__Output } from './tugboat/v1/UpdatePodStatusResponse.js';
import type { WatchPodsEvent as _tugboat_v1_WatchPodsEvent, WatchPodsEvent__Output as _tugboat_v1_WatchPodsEvent__Output } from './tugboat/v1/WatchPodsEvent.js';
import type { WatchPodsRequest as _tugboat_v1_WatchPodsRequest, WatchPodsRequest__Output as _tugboat_v1_WatchPodsRequest__Output } from './tugboat/v1/WatchPodsRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tugboat: {
    v1: {
      ConfirmPodDeletedRequest: MessageTypeDefinition<_tugboat_v1_ConfirmPodDeletedRequest, _tugboat_v1_ConfirmPodDeletedRequest__Output>
      ConfirmPodDeletedResponse: MessageTypeDefinition<_tugboat_v1_ConfirmPodDeletedResponse, _tugboat_v1_ConfirmPodDeletedResponse__Output>
      HeartbeatRequest: MessageTypeDefinition<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatRequest__Output>
      HeartbeatResponse: MessageTypeDefinition<_tugboat_v1_HeartbeatResponse, _tugboat_v1_HeartbeatResponse__Output>
      JoinRequest: MessageTypeDefinition<_tugboat_v1_JoinRequest, _tugboat_v1_JoinRequest__Output>
      JoinResponse: MessageTypeDefinition<_tugboat_v1_JoinResponse, _tugboat_v1_JoinResponse__Output>
      NodeConfig: MessageTypeDefinition<_tugboat_v1_NodeConfig, _tugboat_v1_NodeConfig__Output>
      NodeService: SubtypeConstructor<typeof grpc.Client, _tugboat_v1_NodeServiceClient> & { service: _tugboat_v1_NodeServiceDefinition }
      RecordEventsRequest: MessageTypeDefinition<_tugboat_v1_RecordEventsRequest, _tugboat_v1_RecordEventsRequest__Output>
      RecordEventsResponse: MessageTypeDefinition<_tugboat_v1_RecordEventsResponse, _tugboat_v1_RecordEventsResponse__Output>
      RegisterRequest: MessageTypeDefinition<_tugboat_v1_RegisterRequest, _tugboat_v1_RegisterRequest__Output>
      RegisterResponse: MessageTypeDefinition<_tugboat_v1_RegisterResponse, _tugboat_v1_RegisterResponse__Output>
      UpdatePodStatusRequest: MessageTypeDefinition<_tugboat_v1_UpdatePodStatusRequest, _tugboat_v1_UpdatePodStatusRequest__Output>
      UpdatePodStatusResponse: MessageTypeDefinition<_tugboat_v1_UpdatePodStatusResponse, _tugboat_v1_UpdatePodStatusResponse__Output>
      WatchPodsEvent: MessageTypeDefinition<_tugboat_v1_WatchPodsEvent, _tugboat_v1_WatchPodsEvent__Output>
      WatchPodsRequest: MessageTypeDefinition<_tugboat_v1_WatchPodsRequest, _tugboat_v1_WatchPodsRequest__Output>
    }
  }
}

