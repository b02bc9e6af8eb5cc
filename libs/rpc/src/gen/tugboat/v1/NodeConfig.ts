// Original file: node.proto


export interface NodeConfig {
  'pod_cidr'?: (string);
  'cluster_dns'?: (string)[];
  'cluster_domain'?: (string);
  'service_cidr'?: (string);
  'cluster_cidr'?: (string);
}

export interface NodeConfig__Output {
  'pod_cidr': (string);
  'cluster_dns': (string)[];
  'cluster_domain': (string);
  'service_cidr': (string);
  'cluster_cidr': (string);
}
