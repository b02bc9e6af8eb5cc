import { describe, expect, it } from 'vitest';
import type { Pod, PodStatus } from '@tugboat/api';
import type { ObservedContainer, ObservedPod } from '../docker/observe.js';
import { computePodStatus, terminatedState } from './status.js';
import type { StatusInput } from './status.js';

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', uid: 'u1' },
  spec: { initContainers: [{ name: 'init', image: 'img:1' }], containers: [{ name: 'a', image: 'img:1' }, { name: 'b', image: 'img:1' }] },
};

let seq = 0;
function c(over: Partial<ObservedContainer>): ObservedContainer {
  seq++;
  return {
    nodeName: 'n', podUid: 'u1', namespace: 'ns', podName: 'p', containerName: '', kind: 'app', restartCount: 0, specHash: '', gracePeriodSeconds: 30,
    id: `id${seq}`, status: 'running', running: true, createdAt: '2026-01-01T00:00:00Z', startedAt: '2026-01-01T00:00:01Z',
    exitCode: 0, oomKilled: false, error: '', image: 'img:1', imageID: 'sha256:abc', ...over,
  };
}
const exited = (over: Partial<ObservedContainer>) => c({ status: 'exited', running: false, finishedAt: '2026-01-01T00:00:05Z', ...over });
const sandbox = c({ kind: 'sandbox', ip: '10.244.1.7' });
const initDone = exited({ kind: 'init', containerName: 'init' });

function status(containers: ObservedContainer[], over: Partial<StatusInput> = {}): PodStatus {
  const observed: ObservedPod = { uid: 'u1', sandboxes: [sandbox], containers };
  return computePodStatus({ pod, observed, waiting: new Map(), probes: () => ({ ready: true, started: true }), hostIP: '192.0.2.1', previous: undefined, now: '2026-01-01T00:01:00Z', ...over });
}
const cond = (s: PodStatus, type: string) => s.conditions?.find((x) => x.type === type);

describe('computePodStatus', () => {
  it('is Pending and not Initialized while an init container runs', () => {
    const s = status([c({ kind: 'init', containerName: 'init' })]);
    expect(s.phase).toBe('Pending');
    expect(cond(s, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init]' });
    expect(s.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(s.podIP).toBe('10.244.1.7');
    expect(s.podIPs).toEqual([{ ip: '10.244.1.7' }]);
    expect(s.hostIPs).toEqual([{ ip: '192.0.2.1' }]);
  });

  it('is Running and Ready when every app container runs and is ready', () => {
    const s = status([initDone, c({ containerName: 'a' }), c({ containerName: 'b' })]);
    expect(s.phase).toBe('Running');
    expect(cond(s, 'Ready')?.status).toBe('True');
    expect(s.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.containerStatuses?.[0]).toMatchObject({ ready: true, started: true, restartCount: 0, imageID: 'docker://sha256:abc' });
    expect(s.qosClass).toBe('BestEffort');
  });

  it('reports readiness per container and keeps lastTransitionTime when nothing changes', () => {
    const a = c({ containerName: 'a' });
    const b = c({ containerName: 'b' });
    const first = status([initDone, a, b], { probes: (id) => ({ ready: id !== b.id, started: true }) });
    expect(cond(first, 'ContainersReady')).toMatchObject({ status: 'False', message: 'containers with unready status: [b]' });
    const again = status([initDone, a, b], { probes: (id) => ({ ready: id !== b.id, started: true }), previous: first, now: '2026-01-01T00:09:00Z' });
    expect(cond(again, 'Ready')?.lastTransitionTime).toBe('2026-01-01T00:01:00Z');
    const flipped = status([initDone, a, b], { previous: first, now: '2026-01-01T00:09:00Z' });
    expect(cond(flipped, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-01T00:09:00Z' });
  });

  it('shows a crash loop as waiting with the last termination', () => {
    const dead = exited({ containerName: 'a', restartCount: 2, exitCode: 1 });
    const waiting = new Map([['a', { reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=a pod=p_ns(u1)' }]]);
    const s = status([initDone, dead, c({ containerName: 'b' })], { waiting });
    const a = s.containerStatuses?.[0];
    expect(a?.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(a?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error', containerID: `docker://${dead.id}` });
    expect(a?.restartCount).toBe(2);
    expect(s.phase).toBe('Running');
  });

  it('puts the previous instance in lastState of a running container', () => {
    const old = exited({ containerName: 'a', exitCode: 137, oomKilled: true });
    const s = status([initDone, c({ containerName: 'a', restartCount: 1 }), old, c({ containerName: 'b' })]);
    expect(s.containerStatuses?.[0]?.lastState?.terminated?.reason).toBe('OOMKilled');
    expect(s.containerStatuses?.[0]?.restartCount).toBe(1);
  });

  it('is Succeeded when every container completed without restarts to come, Failed for Never with an error', () => {
    const done = [initDone, exited({ containerName: 'a' }), exited({ containerName: 'b' })];
    expect(status(done, { pod: { ...pod, spec: { ...pod.spec!, restartPolicy: 'OnFailure' } } }).phase).toBe('Succeeded');
    const failed = [initDone, exited({ containerName: 'a', exitCode: 2 }), exited({ containerName: 'b' })];
    const s = status(failed, { pod: { ...pod, spec: { ...pod.spec!, restartPolicy: 'Never' } } });
    expect(s.phase).toBe('Failed');
    expect(cond(s, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('is Failed when an init container fails under restartPolicy Never', () => {
    const s = status([exited({ kind: 'init', containerName: 'init', exitCode: 1 })], { pod: { ...pod, spec: { ...pod.spec!, restartPolicy: 'Never' } } });
    expect(s.phase).toBe('Failed');
  });

  it('shows image and config errors as the waiting state', () => {
    const waiting = new Map([['a', { reason: 'ErrImagePull', message: 'no registry' }]]);
    const s = status([initDone], { waiting });
    expect(s.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ErrImagePull', message: 'no registry' } });
    expect(s.containerStatuses?.[1]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(s.phase).toBe('Pending');
  });
});

describe('terminatedState', () => {
  it('reports times in whole seconds', () => {
    const t = terminatedState(exited({ startedAt: '2026-01-01T00:00:01.250Z', finishedAt: '2026-01-01T00:00:05.999Z' }));
    expect(t).toMatchObject({ startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:00:05Z' });
  });

  it('reports a start the engine refused as StartError with its message', () => {
    const t = terminatedState(c({ status: 'created', running: false, startedAt: undefined, exitCode: 127, error: 'exec: "nope": executable file not found' }));
    expect(t).toMatchObject({ exitCode: 127, reason: 'StartError', message: 'exec: "nope": executable file not found' });
  });
});
