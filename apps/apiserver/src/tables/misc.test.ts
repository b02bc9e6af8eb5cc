import type { ConfigMap, Event, HorizontalPodAutoscaler, Lease, MetricSpec, MetricStatus, Namespace, PersistentVolumeClaim, Secret } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { formatHPAMetrics, hpaPrinter } from './autoscaling.js';
import { eventPrinter } from './events.js';
import { configMapPrinter, formatAccessModes, leasePrinter, namespacePrinter, pvcPrinter, secretPrinter } from './misc.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
const meta = { name: 'x', namespace: 'default', creationTimestamp: ago(45) };

describe('small kinds', () => {
  it('namespace, configmap, secret, lease', () => {
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { ...meta, namespace: undefined }, status: { phase: 'Active' } };
    const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
    const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } };
    const lease: Lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta, spec: { holderIdentity: 'cm-1' } };
    expect(namespacePrinter.cells(ns, NOW)).toEqual(['x', 'Active', '45s']);
    expect(configMapPrinter.cells(cm, NOW)).toEqual(['x', 3, '45s']);
    expect(secretPrinter.cells(secret, NOW)).toEqual(['x', 'kubernetes.io/tls', 2, '45s']);
    expect(secretPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Type', 'Data', 'Age']);
    expect(leasePrinter.cells(lease, NOW)).toEqual(['x', 'cm-1', '45s']);
    expect(leasePrinter.cells({ ...lease, spec: {} }, NOW)[1]).toBe('');
  });
});

describe('persistentvolumeclaims', () => {
  const pvc = (p: Partial<PersistentVolumeClaim>): PersistentVolumeClaim => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta,
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'local' },
    ...p,
  });

  it.each([
    [['ReadWriteMany', 'ReadWriteOnce'] as const, 'RWO,RWX'],
    [['ReadWriteOncePod', 'ReadOnlyMany', 'ReadOnlyMany'] as const, 'ROX,RWOP'],
    [[] as const, ''],
  ])('access modes %j → %s', (modes, want) => {
    expect(formatAccessModes(modes)).toBe(want);
  });

  it('bound, pending and terminating claims', () => {
    expect(pvcPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode']);
    const bound = pvc({ status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } });
    bound.spec = { ...bound.spec, volumeName: 'pv-x', volumeMode: 'Filesystem' };
    expect(pvcPrinter.cells(bound, NOW)).toEqual(['x', 'Bound', 'pv-x', '1Gi', 'RWO', 'local', '<unset>', '45s', 'Filesystem']);
    expect(pvcPrinter.cells(pvc({ status: { phase: 'Pending' } }), NOW)).toEqual(['x', 'Pending', '', '', '', 'local', '<unset>', '45s', '<unset>']);
    const deleting = pvc({ metadata: { ...meta, deletionTimestamp: ago(1), annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } }, status: { phase: 'Bound' } });
    expect(pvcPrinter.cells(deleting, NOW).slice(1, 6)).toEqual(['Terminating', '', '', '', 'old']);
  });
});

describe('events', () => {
  const ev = (e: Partial<Event>): Event => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { ...meta, name: 'web-1.17a' },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{app}' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container\n',
    type: 'Warning',
    source: { component: 'kubelet', host: 'node-1' },
    ...e,
  });

  it('LAST SEEN TYPE REASON OBJECT (SUBOBJECT SOURCE) MESSAGE (FIRST SEEN COUNT NAME)', () => {
    expect(eventPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Last Seen', 0],
      ['Type', 0],
      ['Reason', 0],
      ['Object', 0],
      ['Subobject', 1],
      ['Source', 1],
      ['Message', 0],
      ['First Seen', 1],
      ['Count', 1],
      ['Name', 1],
    ]);
    expect(eventPrinter.columns.find((c) => c.format === 'name')?.name).toBe('Name');
    expect(eventPrinter.cells(ev({ firstTimestamp: ago(600), lastTimestamp: ago(30), count: 7 }), NOW)).toEqual([
      '30s',
      'Warning',
      'BackOff',
      'pod/web-1',
      'spec.containers{app}',
      'kubelet, node-1',
      'Back-off restarting failed container',
      '10m',
      7,
      'web-1.17a',
    ]);
  });

  it.each<[string, Partial<Event>, [string, string, number]]>([
    ['only firstTimestamp', { firstTimestamp: ago(90) }, ['90s', '90s', 1]],
    ['events.k8s.io style: eventTime and series', { eventTime: ago(400), series: { count: 3, lastObservedTime: ago(5) } }, ['5s', '6m40s', 3]],
    ['no time at all', {}, ['<unknown>', '<unknown>', 1]],
  ])('times: %s', (_name, e, [last, first, count]) => {
    const cells = eventPrinter.cells(ev(e), NOW);
    expect([cells[0], cells[7], cells[8]]).toEqual([last, first, count]);
  });

  it('object and source fallbacks', () => {
    const cells = eventPrinter.cells(ev({ involvedObject: { kind: 'Node' }, source: {}, reportingComponent: 'scheduler' }), NOW);
    expect([cells[3], cells[5]]).toEqual(['node', 'scheduler']);
  });
});

describe('horizontalpodautoscalers', () => {
  const cpu = (target: number): MetricSpec => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } });
  const cpuNow = (current: number): MetricStatus => ({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } });
  const hpa = (metrics: MetricSpec[] | undefined, currentMetrics?: MetricStatus[]): HorizontalPodAutoscaler => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta,
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics },
    status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics },
  });
  const memory: MetricSpec = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } } };
  const pods: MetricSpec = { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } };
  const external: MetricSpec = { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } };

  it.each<[string, HorizontalPodAutoscaler, string]>([
    ['no metrics', hpa(undefined), '<none>'],
    ['cpu before the first measurement', hpa([cpu(80)]), 'cpu: <unknown>/80%'],
    ['cpu measured', hpa([cpu(80)], [cpuNow(40)]), 'cpu: 40%/80%'],
    ['memory average value', hpa([memory], [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '120Mi' } } }]), 'memory: 120Mi/200Mi'],
    ['pods metric', hpa([pods]), '<unknown>/10'],
    ['external average', hpa([external]), '<unknown>/30 (avg)'],
    ['more than two', hpa([cpu(80), memory, pods], [cpuNow(10)]), 'cpu: 10%/80%, memory: <unknown>/200Mi + 1 more...'],
  ])('TARGETS: %s', (_name, h, want) => {
    expect(formatHPAMetrics(h)).toBe(want);
  });

  it('row', () => {
    expect(hpaPrinter.cells(hpa([cpu(80)], [cpuNow(40)]), NOW)).toEqual(['x', 'Deployment/web', 'cpu: 40%/80%', '1', 10, 3, '45s']);
  });
});
