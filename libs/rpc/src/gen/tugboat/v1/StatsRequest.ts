// Original file: agent.proto


export interface StatsRequest {
}

export interface StatsRequest__Output {
}
