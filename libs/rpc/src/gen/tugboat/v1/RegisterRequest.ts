// Original file: node.proto


export interface RegisterRequest {
  'node_json'?: (Buffer | Uint8Array | string);
}

export interface RegisterRequest__Output {
  'node_json': (Buffer);
}
