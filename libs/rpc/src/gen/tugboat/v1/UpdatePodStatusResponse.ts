// Original file: node.proto


export interface UpdatePodStatusResponse {
  'resource_version'?: (string);
}

export interface UpdatePodStatusResponse__Output {
  'resource_version': (string);
}
