// Original file: node.proto


export interface UpdatePodStatusRequest {
  'namespace'?: (string);
  'name'?: (string);
  'uid'?: (string);
  'status_json'?: (Buffer | Uint8Array | string);
}

export interface UpdatePodStatusRequest__Output {
  'namespace': (string);
  'name': (string);
  'uid': (string);
  'status_json': (Buffer);
}
