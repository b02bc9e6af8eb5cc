// Original file: node.proto

import type { NodeConfig as _tugboat_v1_NodeConfig, NodeConfig__Output as _tugboat_v1_NodeConfig__Output } from '../../tugboat/v1/NodeConfig.js';

export interface RegisterResponse {
  'node_json'?: (Buffer | Uint8Array | string);
  'config'?: (_tugboat_v1_NodeConfig | null);
}

export interface RegisterResponse__Output {
  'node_json': (Buffer);
  'config': (_tugboat_v1_NodeConfig__Output | null);
}
