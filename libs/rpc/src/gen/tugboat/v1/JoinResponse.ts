// Original file: node.proto


export interface JoinResponse {
  'certificate_pem'?: (string);
  'private_key_pem'?: (string);
  'ca_pem'?: (string);
}

export interface JoinResponse__Output {
  'certificate_pem': (string);
  'private_key_pem': (string);
  'ca_pem': (string);
}
