// Original file: node.proto


export interface HeartbeatRequest {
  'conditions_json'?: (Buffer | Uint8Array | string);
}

export interface HeartbeatRequest__Output {
  'conditions_json': (Buffer);
}
