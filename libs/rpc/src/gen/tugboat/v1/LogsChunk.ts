// Original file: agent.proto


export interface LogsChunk {
  'data'?: (Buffer | Uint8Array | string);
}

export interface LogsChunk__Output {
  'data': (Buffer);
}
