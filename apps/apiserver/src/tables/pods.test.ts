import type { ContainerState, ContainerStatus, Pod, PodSpec, PodStatus } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { podPrinter, summarizePod } from './pods.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

function pod(spec: Partial<PodSpec>, status: PodStatus, meta: Partial<Pod['metadata']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(300), ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  };
}

function cs(name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, state, ready: false, restartCount: 0, image: 'img', imageID: '', ...extra };
}

const running = (name = 'app'): ContainerStatus => cs(name, { running: { startedAt: ago(60) } }, { ready: true, started: true });
const twoInits: Partial<PodSpec> = { initContainers: [{ name: 'i1', image: 'busybox' }, { name: 'i2', image: 'busybox' }] };
const done = (name: string) => cs(name, { terminated: { exitCode: 0, reason: 'Completed' } });

describe('pod STATUS and READY', () => {
  it.each<[string, Pod, string, string]>([
    ['pending, no statuses', pod({}, { phase: 'Pending' }), '0/1', 'Pending'],
    ['running and ready', pod({}, { phase: 'Running', containerStatuses: [running()] }), '1/1', 'Running'],
    ['status.reason wins over phase', pod({}, { phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted'],
    [
      'scheduling gated',
      pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      '0/1',
      'SchedulingGated',
    ],
    ['waiting CrashLoopBackOff', pod({}, { phase: 'Running', containerStatuses: [cs('app', { waiting: { reason: 'CrashLoopBackOff' } })] }), '0/1', 'CrashLoopBackOff'],
    ['waiting ImagePullBackOff', pod({}, { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ImagePullBackOff' } })] }), '0/1', 'ImagePullBackOff'],
    ['waiting ErrImagePull', pod({}, { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ErrImagePull' } })] }), '0/1', 'ErrImagePull'],
    ['waiting ContainerCreating', pod({}, { phase: 'Pending', containerStatuses: [cs('app', { waiting: { reason: 'ContainerCreating' } })] }), '0/1', 'ContainerCreating'],
    ['terminated Completed', pod({}, { phase: 'Succeeded', containerStatuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })] }), '0/1', 'Completed'],
    ['terminated Error', pod({}, { phase: 'Failed', containerStatuses: [cs('app', { terminated: { exitCode: 1, reason: 'Error' } })] }), '0/1', 'Error'],
    ['terminated OOMKilled', pod({}, { phase: 'Running', containerStatuses: [cs('app', { terminated: { exitCode: 137, reason: 'OOMKilled' } })] }), '0/1', 'OOMKilled'],
    ['terminated, no reason, exit code', pod({}, { phase: 'Failed', containerStatuses: [cs('app', { terminated: { exitCode: 137 } })] }), '0/1', 'ExitCode:137'],
    ['terminated, no reason, signal', pod({}, { phase: 'Failed', containerStatuses: [cs('app', { terminated: { exitCode: 0, signal: 9 } })] }), '0/1', 'Signal:9'],
    [
      'first listed container decides (walked last to first)',
      pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        { phase: 'Running', containerStatuses: [cs('a', { waiting: { reason: 'CrashLoopBackOff' } }), cs('b', { waiting: { reason: 'ImagePullBackOff' } })] },
      ),
      '0/2',
      'CrashLoopBackOff',
    ],
    [
      'Completed with a running sibling and Ready → Running',
      pod(
        { containers: [{ name: 'a' }, { name: 'b' }] },
        { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [done('a'), running('b')] },
      ),
      '1/2',
      'Running',
    ],
    [
      'Completed with a running sibling, not Ready → NotReady',
      pod({ containers: [{ name: 'a' }, { name: 'b' }] }, { phase: 'Running', containerStatuses: [done('a'), running('b')] }),
      '1/2',
      'NotReady',
    ],
    ['init 0/2 while the first runs', pod(twoInits, { phase: 'Pending', initContainerStatuses: [cs('i1', { running: {} }), cs('i2', { waiting: { reason: 'PodInitializing' } })] }), '0/1', 'Init:0/2'],
    ['init 1/2 after the first finished', pod(twoInits, { phase: 'Pending', initContainerStatuses: [done('i1'), cs('i2', { waiting: { reason: 'PodInitializing' } })] }), '0/1', 'Init:1/2'],
    ['init crash looping', pod(twoInits, { phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } })] }), '0/1', 'Init:CrashLoopBackOff'],
    ['init failed with reason', pod(twoInits, { phase: 'Failed', initContainerStatuses: [cs('i1', { terminated: { exitCode: 2, reason: 'Error' } })] }), '0/1', 'Init:Error'],
    ['init failed without reason', pod(twoInits, { phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 1 } })] }), '0/1', 'Init:ExitCode:1'],
    ['init killed by signal', pod(twoInits, { phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 143, signal: 15 } })] }), '0/1', 'Init:Signal:15'],
    [
      'inits done, main running',
      pod(twoInits, { phase: 'Running', initContainerStatuses: [done('i1'), done('i2')], containerStatuses: [running()] }),
      '1/1',
      'Running',
    ],
    [
      'sidecar counts in READY',
      pod(
        { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] },
        { phase: 'Running', initContainerStatuses: [running('proxy')], containerStatuses: [running()] },
      ),
      '2/2',
      'Running',
    ],
    ['Terminating when deleted', pod({}, { phase: 'Running', containerStatuses: [running()] }, { deletionTimestamp: ago(5) }), '1/1', 'Terminating'],
    [
      'a finished pod stays Completed while deleted',
      pod({}, { phase: 'Succeeded', containerStatuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })] }, { deletionTimestamp: ago(5) }),
      '0/1',
      'Completed',
    ],
    ['Unknown for a deleted pod on a lost node', pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(5) }), '0/1', 'Unknown'],
  ])('%s', (_name, p, ready, status) => {
    const s = summarizePod(p);
    expect(`${s.ready}/${s.total}`).toBe(ready);
    expect(s.status).toBe(status);
  });
});

describe('pod RESTARTS', () => {
  const restarted = (count: number, finishedSecondsAgo?: number) =>
    cs('app', { waiting: { reason: 'CrashLoopBackOff' } }, {
      restartCount: count,
      lastState: finishedSecondsAgo === undefined ? {} : { terminated: { exitCode: 1, finishedAt: ago(finishedSecondsAgo) } },
    });
  const cell = (p: Pod) => podPrinter.cells(p, NOW)[3];

  it.each<[string, Pod, string]>([
    ['never restarted', pod({}, { phase: 'Running', containerStatuses: [running()] }), '0'],
    ['restarted, last termination 5m ago', pod({}, { phase: 'Running', containerStatuses: [restarted(5, 300)] }), '5 (5m ago)'],
    ['restarted 90s ago', pod({}, { phase: 'Running', containerStatuses: [restarted(1, 90)] }), '1 (90s ago)'],
    ['restarted, no termination time known', pod({}, { phase: 'Running', containerStatuses: [restarted(2)] }), '2'],
    [
      'sums containers and takes the latest termination',
      pod({ containers: [{ name: 'a' }, { name: 'b' }] }, { phase: 'Running', containerStatuses: [{ ...restarted(2, 600), name: 'a' }, { ...restarted(3, 130), name: 'b' }] }),
      '5 (2m10s ago)',
    ],
    [
      'init restarts count while initializing',
      pod(twoInits, { phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, finishedAt: ago(45) } } })] }),
      '4 (45s ago)',
    ],
    [
      'finished init restarts are not counted once initialized',
      pod(twoInits, {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [{ ...done('i1'), restartCount: 3 }, done('i2')],
        containerStatuses: [running()],
      }),
      '0',
    ],
  ])('%s', (_name, p, want) => {
    expect(cell(p)).toBe(want);
  });
});

describe('pod row', () => {
  it('prints every column, wide ones included', () => {
    const p = pod(
      { nodeName: 'node-1', readinessGates: [{ conditionType: 'example.com/a' }, { conditionType: 'example.com/b' }] },
      {
        phase: 'Running',
        podIP: '10.244.1.5',
        podIPs: [{ ip: '10.244.1.5' }],
        conditions: [{ type: 'example.com/a', status: 'True' }, { type: 'example.com/b', status: 'False' }],
        containerStatuses: [running()],
      },
    );
    expect(podPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(podPrinter.columns.map((c) => c.priority)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(podPrinter.cells(p, NOW)).toEqual(['web', '1/1', 'Running', '0', '5m', '10.244.1.5', 'node-1', '<none>', '1/2']);
  });

  it('shows <none> for what is not known yet', () => {
    expect(podPrinter.cells(pod({}, { phase: 'Pending' }), NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });
});
