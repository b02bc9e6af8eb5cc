// Original file: node.proto


export interface ConfirmPodDeletedResponse {
}

export interface ConfirmPodDeletedResponse__Output {
}
