import type { Pod } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { describePod } from './describe-pod.js';

const now = new Date('2025-01-01T12:10:00Z');

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u', controller: true }] },
  spec: { nodeName: 'node-1', serviceAccountName: 'default', containers: [{ name: 'c', image: 'tugboat/busybox:1', command: ['sh', '-c', 'sleep 1'], ports: [{ containerPort: 80 }] }] },
  status: {
    phase: 'Running',
    hostIP: '10.0.0.2',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    startTime: '2025-01-01T12:00:00Z',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'c',
        ready: true,
        restartCount: 2,
        image: 'tugboat/busybox:1',
        imageID: 'docker://sha256:abc',
        containerID: 'docker://123',
        state: { running: { startedAt: '2025-01-01T12:05:00Z' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2025-01-01T12:04:00Z', finishedAt: '2025-01-01T12:04:30Z' } },
      },
    ],
  },
};

describe('describePod', () => {
  it('prints node, IPs, container state and last state, conditions and events as kubectl does', () => {
    expect(describePod(pod, [], now)).toBe(
      [
        'Name:             web',
        'Namespace:        default',
        'Service Account:  default',
        'Node:             node-1/10.0.0.2',
        'Start Time:       Wed, 01 Jan 2025 12:00:00 +0000',
        'Labels:           app=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-1',
        'Containers:',
        '  c:',
        '    Container ID:  docker://123',
        '    Image:         tugboat/busybox:1',
        '    Image ID:      docker://sha256:abc',
        '    Port:          80/TCP',
        '    Command:',
        '      sh',
        '      -c',
        '      sleep 1',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 12:05:00 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Wed, 01 Jan 2025 12:04:00 +0000',
        '      Finished:     Wed, 01 Jan 2025 12:04:30 +0000',
        '    Ready:          True',
        '    Restart Count:  2',
        '    Environment:    <none>',
        'Conditions:',
        '  Type           Status',
        '  Initialized    True',
        '  Ready          True',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:             <none>',
        '',
      ].join('\n'),
    );
  });

  it('an unscheduled pod has no node and waits', () => {
    const pending: Pod = { ...pod, spec: { containers: pod.spec!.containers }, status: { phase: 'Pending' } };
    const text = describePod(pending, [], now);
    expect(text).toMatch(/^Node: +<none>$/m);
    expect(text).toMatch(/^Status: +Pending$/m);
    expect(text).toMatch(/^ {4}Ready: +False$/m);
  });
});
