// Original file: agent.proto


export interface StatsResponse {
  'stats_json'?: (Buffer | Uint8Array | string);
}

export interface StatsResponse__Output {
  'stats_json': (Buffer);
}
