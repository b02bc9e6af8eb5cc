// Original file: node.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ConfirmPodDeletedRequest as _tugboat_v1_ConfirmPodDeletedRequest, ConfirmPodDeletedRequest__Output as _tugboat_v1_ConfirmPodDeletedRequest__Output } from '../../tugboat/v1/ConfirmPodDeletedRequest.js';
import type { ConfirmPodDeletedResponse as _tugboat_v1_ConfirmPodDeletedResponse, ConfirmPodDeletedResponse__Output as _tugboat_v1_ConfirmPodDeletedResponse__Output } from '../../tugboat/v1/ConfirmPodDeletedResponse.js';
import type { HeartbeatRequest as _tugboat_v1_HeartbeatRequest, HeartbeatRequest__Output as _tugboat_v1_HeartbeatRequest__Output } from '../../tugboat/v1/HeartbeatRequest.js';
import type { HeartbeatResponse as _tugboat_v1_HeartbeatResponse, HeartbeatResponse__Output as _tugboat_v1_HeartbeatResponse__Output } from '../../tugboat/v1/HeartbeatResponse.js';
import type { JoinRequest as _tugboat_v1_JoinRequest, JoinRequest__Output as _tugboat_v1_JoinRequest__Output } from '../../tugboat/v1/JoinRequest.js';
import type { JoinResponse as _tugboat_v1_JoinResponse, JoinResponse__Output as _tugboat_v1_JoinResponse__Output } from '../../tugboat/v1/JoinResponse.js';
import type { RecordEventsRequest as _tugboat_v1_RecordEventsRequest, RecordEventsRequest__Output as _tugboat_v1_RecordEventsRequest__Output } from '../../tugboat/v1/RecordEventsRequest.js';
import type { RecordEventsResponse as _tugboat_v1_RecordEventsResponse, RecordEventsResponse__Output as _tugboat_v1_RecordEventsResponse__Output } from '../../tugboat/v1/RecordEventsResponse.js';
import type { RegisterRequest as _tugboat_v1_RegisterRequest, RegisterRequest__Output as _tugboat_v1_RegisterRequest__Output } from '../../tugboat/v1/RegisterRequest.js';
import type { RegisterResponse as _tugboat_v1_RegisterResponse, RegisterResponse__Output as _tugboat_v1_RegisterResponse__Output } from '../../tugboat/v1/RegisterResponse.js';
import type { UpdatePodStatusRequest as _tugboat_v1_UpdatePodStatusRequest, UpdatePodStatusRequest__Output as _tugboat_v1_UpdatePodStatusRequest__Output } from '../../tugboat/v1/UpdatePodStatusRequest.js';
import type { UpdatePodStatusResponse as _tugboat_v1_UpdatePodStatusResponse, UpdatePodStatusResponse__Output as _tugboat_v1_UpdatePodStatusResponse__Output } from '../../tugboat/v1/UpdatePodStatusResponse.js';
import type { WatchPodsEvent as _tugboat_v1_WatchPodsEvent, WatchPodsEvent__Output as _tugboat_v1_WatchPodsEvent__Output } from '../../tugboat/v1/WatchPodsEvent.js';
import type { WatchPodsRequest as _tugboat_v1_WatchPodsRequest, WatchPodsRequest__Output as _tugboat_v1_WatchPodsRequest__Output } from '../../tugboat/v1/WatchPodsRequest.js';

export interface NodeServiceClient extends grpc.Client {
  ConfirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  ConfirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  ConfirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  ConfirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  confirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  confirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  confirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  confirmPodDeleted(argument: _tugboat_v1_ConfirmPodDeletedRequest, callback: grpc.requestCallback<_tugboat_v1_ConfirmPodDeletedResponse__Output>): grpc.ClientUnaryCall;
  
  Heartbeat(argument: _tugboat_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tugboat_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tugboat_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tugboat_v1_HeartbeatRequest, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tugboat_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tugboat_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tugboat_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tugboat_v1_HeartbeatRequest, callback: grpc.requestCallback<_tugboat_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  Heartbeats(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatResponse__Output>;
  Heartbeats(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatResponse__Output>;
  heartbeats(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatResponse__Output>;
  heartbeats(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatResponse__Output>;
  
  Join(argument: _tugboat_v1_JoinRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _tugboat_v1_JoinRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _tugboat_v1_JoinRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _tugboat_v1_JoinRequest, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _tugboat_v1_JoinRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _tugboat_v1_JoinRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _tugboat_v1_JoinRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _tugboat_v1_JoinRequest, callback: grpc.requestCallback<_tugboat_v1_JoinResponse__Output>): grpc.ClientUnaryCall;
  
  RecordEvents(argument: _tugboat_v1_RecordEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  RecordEvents(argument: _tugboat_v1_RecordEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  RecordEvents(argument: _tugboat_v1_RecordEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  RecordEvents(argument: _tugboat_v1_RecordEventsRequest, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  recordEvents(argument: _tugboat_v1_RecordEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  recordEvents(argument: _tugboat_v1_RecordEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  recordEvents(argument: _tugboat_v1_RecordEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  recordEvents(argument: _tugboat_v1_RecordEventsRequest, callback: grpc.requestCallback<_tugboat_v1_RecordEventsResponse__Output>): grpc.ClientUnaryCall;
  
  Register(argument: _tugboat_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _tugboat_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _tugboat_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _tugboat_v1_RegisterRequest, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tugboat_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tugboat_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tugboat_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tugboat_v1_RegisterRequest, callback: grpc.requestCallback<_tugboat_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  
  UpdatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  UpdatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  UpdatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  UpdatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  updatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  updatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  updatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  updatePodStatus(argument: _tugboat_v1_UpdatePodStatusRequest, callback: grpc.requestCallback<_tugboat_v1_UpdatePodStatusResponse__Output>): grpc.ClientUnaryCall;
  
  WatchPods(argument: _tugboat_v1_WatchPodsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_WatchPodsEvent__Output>;
  WatchPods(argument: _tugboat_v1_WatchPodsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_WatchPodsEvent__Output>;
  watchPods(argument: _tugboat_v1_WatchPodsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_WatchPodsEvent__Output>;
  watchPods(argument: _tugboat_v1_WatchPodsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_WatchPodsEvent__Output>;
  
}

export interface NodeServiceHandlers extends grpc.UntypedServiceImplementation {
  ConfirmPodDeleted: grpc.handleUnaryCall<_tugboat_v1_ConfirmPodDeletedRequest__Output, _tugboat_v1_ConfirmPodDeletedResponse>;
  
  Heartbeat: grpc.handleUnaryCall<_tugboat_v1_HeartbeatRequest__Output, _tugboat_v1_HeartbeatResponse>;
  
  Heartbeats: grpc.handleBidiStreamingCall<_tugboat_v1_HeartbeatRequest__Output, _tugboat_v1_HeartbeatResponse>;
  
  Join: grpc.handleUnaryCall<_tugboat_v1_JoinRequest__Output, _tugboat_v1_JoinResponse>;
  
  RecordEvents: grpc.handleUnaryCall<_tugboat_v1_RecordEventsRequest__Output, _tugboat_v1_RecordEventsResponse>;
  
  Register: grpc.handleUnaryCall<_tugboat_v1_RegisterRequest__Output, _tugboat_v1_RegisterResponse>;
  
  UpdatePodStatus: grpc.handleUnaryCall<_tugboat_v1_UpdatePodStatusRequest__Output, _tugboat_v1_UpdatePodStatusResponse>;
  
  WatchPods: grpc.handleServerStreamingCall<_tugboat_v1_WatchPodsRequest__Output, _tugboat_v1_WatchPodsEvent>;
  
}

export interface NodeServiceDefinition extends grpc.ServiceDefinition {
  ConfirmPodDeleted: MethodDefinition<_tugboat_v1_ConfirmPodDeletedRequest, _tugboat_v1_ConfirmPodDeletedResponse, _tugboat_v1_ConfirmPodDeletedRequest__Output, _tugboat_v1_ConfirmPodDeletedResponse__Output>
  Heartbeat: MethodDefinition<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatResponse, _tugboat_v1_HeartbeatRequest__Output, _tugboat_v1_HeartbeatResponse__Output>
  Heartbeats: MethodDefinition<_tugboat_v1_HeartbeatRequest, _tugboat_v1_HeartbeatResponse, _tugboat_v1_HeartbeatRequest__Output, _tugboat_v1_HeartbeatResponse__Output>
  Join: MethodDefinition<_tugboat_v1_JoinRequest, _tugboat_v1_JoinResponse, _tugboat_v1_JoinRequest__Output, _tugboat_v1_JoinResponse__Output>
  RecordEvents: MethodDefinition<_tugboat_v1_RecordEventsRequest, _tugboat_v1_RecordEventsResponse, _tugboat_v1_RecordEventsRequest__Output, _tugboat_v1_RecordEventsResponse__Output>
  Register: MethodDefinition<_tugboat_v1_RegisterRequest, _tugboat_v1_RegisterResponse, _tugboat_v1_RegisterRequest__Output, _tugboat_v1_RegisterResponse__Output>
  UpdatePodStatus: MethodDefinition<_tugboat_v1_UpdatePodStatusRequest, _tugboat_v1_UpdatePodStatusResponse, _tugboat_v1_UpdatePodStatusRequest__Output, _tugboat_v1_UpdatePodStatusResponse__Output>
  WatchPods: MethodDefinition<_tugboat_v1_WatchPodsRequest, _tugboat_v1_WatchPodsEvent, _tugboat_v1_WatchPodsRequest__Output, _tugboat_v1_WatchPodsEvent__Output>
}
