// Original file: agent.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ExecInput as _tugboat_v1_ExecInput, ExecInput__Output as _tugboat_v1_ExecInput__Output } from '../../tugboat/v1/ExecInput.js';
import type { ExecOutput as _tugboat_v1_ExecOutput, ExecOutput__Output as _tugboat_v1_ExecOutput__Output } from '../../tugboat/v1/ExecOutput.js';
import type { LogsChunk as _tugboat_v1_LogsChunk, LogsChunk__Output as _tugboat_v1_LogsChunk__Output } from '../../tugboat/v1/LogsChunk.js';
import type { LogsRequest as _tugboat_v1_LogsRequest, LogsRequest__Output as _tugboat_v1_LogsRequest__Output } from '../../tugboat/v1/LogsRequest.js';
import type { StatsRequest as _tugboat_v1_StatsRequest, StatsRequest__Output as _tugboat_v1_StatsRequest__Output } from '../../tugboat/v1/StatsRequest.js';
import type { StatsResponse as _tugboat_v1_StatsResponse, StatsResponse__Output as _tugboat_v1_StatsResponse__Output } from '../../tugboat/v1/StatsResponse.js';

export interface AgentServiceClient extends grpc.Client {
  Exec(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_ExecInput, _tugboat_v1_ExecOutput__Output>;
  Exec(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_ExecInput, _tugboat_v1_ExecOutput__Output>;
  exec(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_ExecInput, _tugboat_v1_ExecOutput__Output>;
  exec(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tugboat_v1_ExecInput, _tugboat_v1_ExecOutput__Output>;
  
  Logs(argument: _tugboat_v1_LogsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_LogsChunk__Output>;
  Logs(argument: _tugboat_v1_LogsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_LogsChunk__Output>;
  logs(argument: _tugboat_v1_LogsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_LogsChunk__Output>;
  logs(argument: _tugboat_v1_LogsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tugboat_v1_LogsChunk__Output>;
  
  Stats(argument: _tugboat_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  Stats(argument: _tugboat_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  Stats(argument: _tugboat_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  Stats(argument: _tugboat_v1_StatsRequest, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _tugboat_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _tugboat_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _tugboat_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  stats(argument: _tugboat_v1_StatsRequest, callback: grpc.requestCallback<_tugboat_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AgentServiceHandlers extends grpc.UntypedServiceImplementation {
  Exec: grpc.handleBidiStreamingCall<_tugboat_v1_ExecInput__Output, _tugboat_v1_ExecOutput>;
  
  Logs: grpc.handleServerStreamingCall<_tugboat_v1_LogsRequest__Output, _tugboat_v1_LogsChunk>;
  
  Stats: grpc.handleUnaryCall<_tugboat_v1_StatsRequest__Output, _tugboat_v1_StatsResponse>;
  
}

export interface AgentServiceDefinition extends grpc.ServiceDefinition {
  Exec: MethodDefinition<_tugboat_v1_ExecInput, _tugboat_v1_ExecOutput, _tugboat_v1_ExecInput__Output, _tugboat_v1_ExecOutput__Output>
  Logs: MethodDefinition<_tugboat_v1_LogsRequest, _tugboat_v1_LogsChunk, _tugboat_v1_LogsRequest__Output, _tugboat_v1_LogsChunk__Output>
  Stats: MethodDefinition<_tugboat_v1_StatsRequest, _tugboat_v1_StatsResponse, _tugboat_v1_StatsRequest__Output, _tugboat_v1_StatsResponse__Output>
}
