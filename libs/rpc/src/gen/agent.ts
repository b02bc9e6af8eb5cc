import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AgentServiceClient as _tugboat_v1_AgentServiceClient, AgentServiceDefinition as _tugboat_v1_AgentServiceDefinition } from './tugboat/v1/AgentService.js';
import type { ContainerRef as _tugboat_v1_ContainerRef, ContainerRef__Output as _tugboat_v1_ContainerRef__Output } from './tugboat/v1/ContainerRef.js';
import type { ExecInput as _tugboat_v1_ExecInput, ExecInput__Output as _tugboat_v1_ExecInput__Output } from './tugboat/v1/ExecInput.js';
import type { ExecOutput as _tugboat_v1_ExecOutput, ExecOutput__Output as _tugboat_v1_ExecOutput__Output } from './tugboat/v1/ExecOutput.js';
import type { ExecStart as _tugboat_v1_ExecStart, ExecStart__Output as _tugboat_v1_ExecStart__Output } from './tugboat/v1/ExecStart.js';
import type { LogsChunk as _tugboat_v1_LogsChunk, LogsChunk__Output as _tugboat_v1_LogsChunk__Output } from './tugboat/v1/LogsChunk.js';
import type { LogsRequest as _tugboat_v1_LogsRequest, LogsRequest__Output as _tugboat_v1_LogsRequest__Output } from './tugboat/v1/LogsRequest.js';
import type { StatsRequest as _tugboat_v1_StatsRequest, StatsRequest__Output as _tugboat_v1_StatsRequest__Output } from './tugboat/v1/StatsRequest.js';
import type { StatsResponse as _tugboat_v1_StatsResponse, StatsResponse__Output as _tugboat_v1_StatsResponse__Output } from './tugboat/v1/StatsResponse.js';
import type { TerminalSize as _tugboat_v1_TerminalSize, TerminalSize__Output as _tugboat_v1_TerminalSize__Output } from './tugboat/v1/TerminalSize.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tugboat: {
    v1: {
      AgentService: SubtypeConstructor<typeof grpc.Client, _tugboat_v1_AgentServiceClient> & { service: _tugboat_v1_AgentServiceDefinition }
      ContainerRef: MessageTypeDefinition<_tugboat_v1_ContainerRef, _tugboat_v1_ContainerRef__Output>
      ExecInput: MessageTypeDefinition<_tugboat_v1_ExecInput, _tugboat_v1_ExecInput__Output>
      ExecOutput: MessageTypeDefinition<_tugboat_v1_ExecOutput, _tugboat_v1_ExecOutput__Output>
      ExecStart: MessageTypeDefinition<_tugboat_v1_ExecStart, _tugboat_v1_ExecStart__Output>
      LogsChunk: MessageTypeDefinition<_tugboat_v1_LogsChunk, _tugboat_v1_LogsChunk__Output>
      LogsRequest: MessageTypeDefinition<_tugboat_v1_LogsRequest, _tugboat_v1_LogsRequest__Output>
      StatsRequest: MessageTypeDefinition<_tugboat_v1_StatsRequest, _tugboat_v1_StatsRequest__Output>
      StatsResponse: MessageTypeDefinition<_tugboat_v1_StatsResponse, _tugboat_v1_StatsResponse__Output>
      TerminalSize: MessageTypeDefinition<_tugboat_v1_TerminalSize, _tugboat_v1_TerminalSize__Output>
    }
  }
}

