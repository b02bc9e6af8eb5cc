// Original file: node.proto


export interface JoinRequest {
  'token'?: (string);
  'node_name'?: (string);
  'addresses'?: (string)[];
}

export interface JoinRequest__Output {
  'token': (string);
  'node_name': (string);
  'addresses': (string)[];
}
