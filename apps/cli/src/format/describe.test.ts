import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@tugboat/api';
import { describeObject, humanizeKey, renderEvents, renderMap } from './describe.js';

const now = new Date('2024-01-01T01:00:00Z');

describe('humanizeKey', () => {
  it.each([
    ['creationTimestamp', 'Creation Timestamp'],
    ['podIP', 'Pod IP'],
    ['clusterIPs', 'Cluster IPs'],
    ['uid', 'UID'],
    ['dnsPolicy', 'DNS Policy'],
    ['terminationGracePeriodSeconds', 'Termination Grace Period Seconds'],
    ['app.kubernetes.io/name', 'app.kubernetes.io/name'],
  ])('%s → %s', (key, human) => {
    expect(humanizeKey(key)).toBe(human);
  });
});

describe('renderMap', () => {
  it('aligns scalars first, then nests maps and lists', () => {
    const lines = renderMap(
      {
        selector: { matchLabels: { app: 'web' } },
        replicas: 3,
        containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
        args: ['-c', 'echo'],
        strategy: {},
      },
      1,
    );
    expect(lines).toEqual([
      '  Replicas:  3',
      '  Strategy:  <none>',
      '  Selector:',
      '    Match Labels:',
      '      app:  web',
      '  Containers:',
      '    web:',
      '      Image:  nginx',
      '      Ports:',
      '        - Container Port:  80',
      '          Protocol:        TCP',
      '  Args:',
      '    -c',
      '    echo',
    ]);
  });

  it('keeps user keys verbatim and prints multi-line strings as blocks', () => {
    expect(renderMap({ data: { 'index.html': '<h1>hi</h1>\n<p>x</p>\n', mode: 'fast' } }, 0)).toEqual([
      'Data:',
      '  mode:  fast',
      '  index.html:',
      '    <h1>hi</h1>',
      '    <p>x</p>',
    ]);
  });
});

describe('renderEvents', () => {
  it('prints <none>, an error, or an aligned table sorted by time', () => {
    expect(renderEvents([], now)).toEqual(['Events:             <none>']);
    expect(renderEvents(new Error('boom'), now)[0]).toContain('<unable to list events: boom>');
    const events = [
      { apiVersion: 'v1', kind: 'Event', metadata: {}, type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up to 3', source: { component: 'deployment-controller' }, lastTimestamp: '2024-01-01T00:55:00Z' },
      { apiVersion: 'v1', kind: 'Event', metadata: {}, type: 'Warning', reason: 'Failed', message: 'pull failed', reportingController: 'node-agent', count: 3, firstTimestamp: '2024-01-01T00:50:00Z', lastTimestamp: '2024-01-01T00:59:00Z' },
    ] as KubeObject[];
    expect(renderEvents(events, now)).toEqual([
      'Events:',
      '  Type     Reason             Age                From                   Message',
      '  ----     ------             ----               ----                   -------',
      '  Normal   ScalingReplicaSet  5m                 deployment-controller  Scaled up to 3',
      '  Warning  Failed             60s (x3 over 10m)  node-agent             pull failed',
    ]);
  });
});

describe('describeObject', () => {
  it('prints the identity block, the body sections and the events', () => {
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'web',
        namespace: 'default',
        creationTimestamp: '2024-01-01T00:00:00Z',
        labels: { app: 'web', tier: 'front' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'x' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Thing', name: 'owner', uid: 'u', controller: true }],
      },
      spec: { type: 'ClusterIP', ports: [{ port: 80 }] },
    };
    expect(describeObject(obj, [], now)).toBe(
      [
        'Name:               web',
        'Namespace:          default',
        'Labels:             app=web',
        '                    tier=front',
        'Annotations:        note: x',
        'API Version:        v1',
        'Kind:               Service',
        'CreationTimestamp:  2024-01-01T00:00:00Z',
        'Controlled By:      Thing/owner',
        'Spec:',
        '  Type:  ClusterIP',
        '  Ports:',
        '    - Port:  80',
        'Events:             <none>',
        '',
      ].join('\n'),
    );
  });
});
