import type { ContainerStatus, Pod } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { boundNode, checkExecAvailable, checkLogsAvailable, resolveContainer } from './container.js';

function pod(containers: string[], extra: { init?: string[]; annotations?: Record<string, string>; statuses?: Partial<ContainerStatus>[]; nodeName?: string; phase?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', annotations: extra.annotations },
    spec: {
      containers: containers.map((name) => ({ name, image: 'busybox' })),
      initContainers: extra.init?.map((name) => ({ name, image: 'busybox' })),
      nodeName: extra.nodeName,
    },
    status: { phase: extra.phase as never, containerStatuses: extra.statuses as ContainerStatus[] | undefined },
  } as Pod;
}

const status = (name: string, s: Partial<ContainerStatus>): Partial<ContainerStatus> => ({ name, ready: false, restartCount: 0, image: '', imageID: '', ...s });

describe('resolveContainer', () => {
  it('the only container', () => expect(resolveContainer(pod(['a']), undefined)).toBe('a'));
  it('the default-container annotation', () => {
    expect(resolveContainer(pod(['a', 'b'], { annotations: { 'kubectl.kubernetes.io/default-container': 'b' } }), undefined)).toBe('b');
  });
  it('the one asked for, init containers included', () => expect(resolveContainer(pod(['a'], { init: ['i'] }), 'i')).toBe('i'));
  it('several and none chosen', () => {
    expect(() => resolveContainer(pod(['a', 'b']), undefined)).toThrow('a container name must be specified for pod p, choose one of: [a b]');
    expect(() => resolveContainer(pod(['a', 'b'], { init: ['i'] }), undefined)).toThrow('choose one of: [a b] or one of the init containers: [i]');
  });
  it('an unknown container', () => {
    expect(() => resolveContainer(pod(['a']), 'x')).toThrow(expect.objectContaining({ code: 'BadRequest', message: 'container x is not valid for pod p' }));
  });
});

describe('boundNode', () => {
  it('the node', () => expect(boundNode(pod(['a'], { nodeName: 'n1' }), 'a')).toBe('n1'));
  it('not scheduled yet', () => expect(() => boundNode(pod(['a']), 'a')).toThrow('container "a" in pod "p" is waiting to start: ContainerCreating'));
});

describe('checkLogsAvailable', () => {
  const check = (s: Partial<ContainerStatus>[] | undefined, previous = false) => () => checkLogsAvailable(pod(['c'], { statuses: s }), 'c', previous);
  it('running, terminated or restarted containers have logs', () => {
    expect(check([status('c', { state: { running: { startedAt: 'x' } } })])).not.toThrow();
    expect(check([status('c', { state: { terminated: { exitCode: 1 } } })])).not.toThrow();
    expect(check([status('c', { state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } })])).not.toThrow();
  });
  it('no status yet: being created', () => expect(check(undefined)).toThrow('container "c" in pod "p" is waiting to start: ContainerCreating'));
  it('waiting with a reason', () => {
    expect(check([status('c', { state: { waiting: { reason: 'ContainerCreating' } } })])).toThrow('is waiting to start: ContainerCreating');
    expect(check([status('c', { state: { waiting: { reason: 'ImagePullBackOff' } } })])).toThrow('is waiting to start: trying and failing to pull image');
    expect(check([status('c', { state: { waiting: { reason: 'ErrImagePull' } } })])).toThrow("is waiting to start: image can't be pulled");
  });
  it('previous needs a terminated last state', () => {
    expect(check([status('c', { state: { running: {} } })], true)).toThrow('previous terminated container "c" in pod "p" not found');
    expect(check([status('c', { state: { running: {} }, lastState: { terminated: { exitCode: 0 } } })], true)).not.toThrow();
  });
});

describe('checkExecAvailable', () => {
  it('running container', () => {
    expect(() => checkExecAvailable(pod(['c'], { statuses: [status('c', { state: { running: {} } })] }), 'c')).not.toThrow();
  });
  it('completed pod', () => {
    expect(() => checkExecAvailable(pod(['c'], { phase: 'Succeeded' }), 'c')).toThrow('cannot exec into a container in a completed pod; current phase is Succeeded');
  });
  it('container not running', () => {
    expect(() => checkExecAvailable(pod(['c'], { statuses: [status('c', { state: { waiting: { reason: 'CrashLoopBackOff' } } })] }), 'c')).toThrow('container not found ("c")');
  });
});
