/** Test-only builders for Nodes, Pods and NodeInfos (excluded from the build). */
import type { Container, Node, Pod, PodSpec, Taint } from '@tugboat/api';
import { NodeInfo } from '../framework/node-info.js';
import { podInfo } from '../framework/pod-info.js';

export interface NodeShape {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  ready?: boolean;
}

export function makeNode(name: string, shape: NodeShape = {}): Node {
  const allocatable = { cpu: shape.cpu ?? '4', memory: shape.memory ?? '8Gi', pods: shape.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...shape.labels } },
    spec: { unschedulable: shape.unschedulable, taints: shape.taints },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [{ type: 'Ready', status: shape.ready === false ? 'False' : 'True' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.1' }],
    },
  };
}

export interface PodShape {
  cpu?: string;
  memory?: string;
  spec?: Partial<PodSpec>;
  ownerUid?: string;
  labels?: Record<string, string>;
}

export function container(name: string, requests: Record<string, string> = {}, extra: Partial<Container> = {}): Container {
  return { name, image: 'busybox', resources: { requests }, ...extra };
}

export function makePod(name: string, shape: PodShape = {}): Pod {
  const requests: Record<string, string> = {};
  if (shape.cpu) requests.cpu = shape.cpu;
  if (shape.memory) requests.memory = shape.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: shape.labels,
      ownerReferences: shape.ownerUid ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: shape.ownerUid, controller: true }] : undefined,
    },
    spec: { containers: [container('app', requests)], ...shape.spec },
  };
}

/** A NodeInfo for `node` with `pods` already placed on it. */
export function nodeInfo(node: Node, ...pods: Pod[]): NodeInfo {
  const info = new NodeInfo(node.metadata.name!, node);
  for (const p of pods) info.addPod(podInfo(p));
  return info;
}
