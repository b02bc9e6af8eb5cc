// Original file: node.proto


export interface WatchPodsEvent {
  'type'?: (string);
  'kind'?: (string);
  'object_json'?: (Buffer | Uint8Array | string);
  'resource_version'?: (string);
}

export interface WatchPodsEvent__Output {
  'type': (string);
  'kind': (string);
  'object_json': (Buffer);
  'resource_version': (string);
}
