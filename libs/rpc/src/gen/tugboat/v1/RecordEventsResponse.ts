// Original file: node.proto


export interface RecordEventsResponse {
}

export interface RecordEventsResponse__Output {
}
