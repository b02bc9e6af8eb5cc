// Original file: node.proto


export interface HeartbeatResponse {
  'lease_duration_seconds'?: (number);
}

export interface HeartbeatResponse__Output {
  'lease_duration_seconds': (number);
}
