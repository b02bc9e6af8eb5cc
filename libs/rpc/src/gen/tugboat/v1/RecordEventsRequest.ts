// Original file: node.proto


export interface RecordEventsRequest {
  'events_json'?: (Buffer | Uint8Array | string)[];
}

export interface RecordEventsRequest__Output {
  'events_json': (Buffer)[];
}
