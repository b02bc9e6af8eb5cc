// Original file: node.proto


export interface WatchPodsRequest {
  'resource_version'?: (string);
}

export interface WatchPodsRequest__Output {
  'resource_version': (string);
}
