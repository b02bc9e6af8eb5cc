// Original file: agent.proto


export interface ContainerRef {
  'namespace'?: (string);
  'pod'?: (string);
  'container'?: (string);
}

export interface ContainerRef__Output {
  'namespace': (string);
  'pod': (string);
  'container': (string);
}
