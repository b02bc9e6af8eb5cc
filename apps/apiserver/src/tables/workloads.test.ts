import type { DaemonSet, Deployment, LabelSelector, ReplicaSet, StatefulSet } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { formatLabelSelector, formatLabels, selectorString } from './format.js';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './workloads.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2025-01-01T09:00:00Z' };
const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }], nodeSelector: { disk: 'ssd', zone: 'a' } },
};
const selector: LabelSelector = { matchLabels: { app: 'web' } };

describe('label formatting', () => {
  it.each<[LabelSelector | undefined, string, string]>([
    [undefined, '', '<none>'],
    [{}, '', '<none>'],
    [{ matchLabels: { tier: 'fe', app: 'web' } }, 'app=web,tier=fe', 'app=web,tier=fe'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }, 'env in (dev,prod)', 'env in (dev,prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['x'] }] }, 'env notin (x)', 'env notin (x)'],
    [
      { matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'm', operator: 'DoesNotExist' }] },
      'a,!m,z=1',
      'a,!m,z=1',
    ],
  ])('%j → %s', (sel, str, formatted) => {
    expect(selectorString(sel)).toBe(str);
    expect(formatLabelSelector(sel)).toBe(formatted);
  });

  it('flags invalid selectors', () => {
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe('<error>');
  });

  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ b: '2', a: '1' }, 'a=1,b=2'],
  ])('formatLabels(%j) → %s', (labels, want) => {
    expect(formatLabels(labels)).toBe(want);
  });
});

describe('workload rows', () => {
  it('deployment: READY UP-TO-DATE AVAILABLE + CONTAINERS IMAGES SELECTOR', () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { replicas: 3, selector, template },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(deploymentPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(deploymentPrinter.cells(d, NOW)).toEqual(['web', '2/3', 3, 2, '3h', 'app,log', 'nginx:1.27,busybox', 'app=web']);
  });

  it('deployment without status yet', () => {
    const d: Deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { selector, template } };
    expect(deploymentPrinter.cells(d, NOW).slice(1, 4)).toEqual(['0/1', 0, 0]);
  });

  it('replicaset: DESIRED CURRENT READY', () => {
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { ...meta, name: 'web-5d4f8' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4f8' } }, template },
      status: { replicas: 3, readyReplicas: 1 },
    };
    expect(replicaSetPrinter.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Desired', 'integer'],
      ['Current', 'integer'],
      ['Ready', 'integer'],
      ['Age', 'string'],
      ['Containers', 'string'],
      ['Images', 'string'],
      ['Selector', 'string'],
    ]);
    expect(replicaSetPrinter.cells(rs, NOW)).toEqual(['web-5d4f8', 3, 3, 1, '3h', 'app,log', 'nginx:1.27,busybox', 'app=web,pod-template-hash=5d4f8']);
  });

  it('statefulset: READY as ready/desired', () => {
    const sts: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { ...meta, name: 'db' },
      spec: { replicas: 2, selector, template },
      status: { replicas: 2, readyReplicas: 2 },
    };
    expect(statefulSetPrinter.cells(sts, NOW)).toEqual(['db', '2/2', '3h', 'app,log', 'nginx:1.27,busybox']);
  });

  it('daemonset: DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR', () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { ...meta, name: 'agent' },
      spec: { selector, template },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 },
    };
    expect(daemonSetPrinter.columns.map((c) => c.name).slice(0, 8)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age']);
    expect(daemonSetPrinter.cells(ds, NOW)).toEqual(['agent', 3, 3, 2, 3, 2, 'disk=ssd,zone=a', '3h', 'app,log', 'nginx:1.27,busybox', 'app=web']);
  });
});
