// Original file: agent.proto

import type { ContainerRef as _tugboat_v1_ContainerRef, ContainerRef__Output as _tugboat_v1_ContainerRef__Output } from '../../tugboat/v1/ContainerRef.js';
import type { Long } from '@grpc/proto-loader';

export interface LogsRequest {
  'ref'?: (_tugboat_v1_ContainerRef | null);
  'follow'?: (boolean);
  'tail_lines'?: (number | string | Long);
  'since_seconds'?: (number | string | Long);
  'timestamps'?: (boolean);
  'previous'?: (boolean);
  'limit_bytes'?: (number | string | Long);
  '_tail_lines'?: "tail_lines";
  '_since_seconds'?: "since_seconds";
  '_limit_bytes'?: "limit_bytes";
}

export interface LogsRequest__Output {
  'ref': (_tugboat_v1_ContainerRef__Output | null);
  'follow': (boolean);
  'tail_lines'?: (string);
  'since_seconds'?: (string);
  'timestamps': (boolean);
  'previous': (boolean);
  'limit_bytes'?: (string);
  '_tail_lines'?: "tail_lines";
  '_since_seconds'?: "since_seconds";
  '_limit_bytes'?: "limit_bytes";
}
