import type { Node, NodeCondition } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { nodePrinter, nodeRoles, nodeStatus } from './nodes.js';

const NOW = new Date('2025-01-01T12:00:00Z');

function node(labels: Record<string, string>, conditions?: NodeCondition[], unschedulable?: boolean): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-1', labels, creationTimestamp: '2024-12-25T12:00:00Z' },
    spec: unschedulable === undefined ? {} : { unschedulable },
    status: { conditions },
  };
}
const ready = (status: NodeCondition['status']): NodeCondition => ({ type: 'Ready', status });

describe('node STATUS', () => {
  it.each<[string, Node, string]>([
    ['ready', node({}, [{ type: 'MemoryPressure', status: 'False' }, ready('True')]), 'Ready'],
    ['not ready', node({}, [ready('False')]), 'NotReady'],
    ['unknown readiness is NotReady', node({}, [ready('Unknown')]), 'NotReady'],
    ['no Ready condition', node({}), 'Unknown'],
    ['cordoned', node({}, [ready('True')], true), 'Ready,SchedulingDisabled'],
    ['cordoned and down', node({}, [ready('False')], true), 'NotReady,SchedulingDisabled'],
  ])('%s', (_name, n, want) => {
    expect(nodeStatus(n)).toBe(want);
  });
});

describe('node ROLES', () => {
  it.each<[Record<string, string>, string]>([
    [{}, '<none>'],
    [{ 'kubernetes.io/hostname': 'node-1' }, '<none>'],
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
    [{ 'node-role.kubernetes.io/worker': 'true', 'node-role.kubernetes.io/control-plane': '' }, 'control-plane,worker'],
    [{ 'kubernetes.io/role': 'master' }, 'master'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/etcd': '', 'kubernetes.io/role': 'etcd' }, 'etcd'],
  ])('%j → %s', (labels, want) => {
    expect(nodeRoles(node(labels))).toBe(want);
  });
});

describe('node row', () => {
  it('NAME STATUS ROLES AGE VERSION + INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME', () => {
    const n = node({ 'node-role.kubernetes.io/control-plane': '' }, [ready('True')]);
    n.status = {
      ...n.status,
      addresses: [{ type: 'Hostname', address: 'node-1' }, { type: 'InternalIP', address: '192.168.1.10' }],
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '6.1.0-18-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'docker://20.10.24',
        kubeletVersion: 'v1.32.0-tugboat',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    };
    expect(nodePrinter.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
    expect(nodePrinter.cells(n, NOW)).toEqual([
      'node-1',
      'Ready',
      'control-plane',
      '7d',
      'v1.32.0-tugboat',
      '192.168.1.10',
      '<none>',
      'Debian GNU/Linux 12 (bookworm)',
      '6.1.0-18-amd64',
      'docker://20.10.24',
    ]);
  });

  it('before the agent reports', () => {
    expect(nodePrinter.cells(node({}), NOW).slice(1)).toEqual(['Unknown', '<none>', '7d', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});
