// Original file: node.proto


export interface ConfirmPodDeletedRequest {
  'namespace'?: (string);
  'name'?: (string);
  'uid'?: (string);
}

export interface ConfirmPodDeletedRequest__Output {
  'namespace': (string);
  'name': (string);
  'uid': (string);
}
