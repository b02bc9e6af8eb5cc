/** Container lifecycles on the real engine: init ordering, restarts with back-off, probes. */
import { text } from 'node:stream/consumers';
import { EngineClient } from '../../docker/engine-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodStatus } from '@tugboat/api';
import { TEST_IMAGE, cleanupNode, createTestNetwork, ensureDocker, startTestRuntime, testNodeName, testPod, waitFor } from '../../testing/index.js';
import type { TestRuntime } from '../../testing/index.js';

const docker = new EngineClient();
const nodeName = testNodeName();
let t: TestRuntime;

beforeAll(async () => {
  await ensureDocker();
  const network = await createTestNetwork(docker, nodeName);
  t = startTestRuntime({ docker, nodeName, network, backoff: { initialMs: 1000, maxMs: 8000 } });
  await t.runtime.ready;
  t.runtime.resync([]);
});

afterAll(async () => {
  await t?.runtime.close();
  await cleanupNode(docker, nodeName);
  docker.close();
});

const ready = (s: PodStatus) => s.conditions?.find((c) => c.type === 'Ready')?.status;

describe('init containers', () => {
  it('run one after another to completion before the app containers', async () => {
    t.runtime.upsertPod(testPod('inits', {
      initContainers: [
        { name: 'first', image: TEST_IMAGE, command: ['sh', '-c', 'sleep 1'] },
        { name: 'second', image: TEST_IMAGE, command: ['sh', '-c', 'sleep 1'] },
      ],
      containers: [{ name: 'app', image: TEST_IMAGE, command: ['sleep', '3600'] }],
    }, nodeName));
    const pending = await t.waitForStatus('inits', 'first init running', (s) => Boolean(s.initContainerStatuses?.[0]?.state?.running));
    expect(pending.phase).toBe('Pending');
    expect(pending.initContainerStatuses?.[1]?.state?.waiting?.reason).toBe('PodInitializing');
    expect(pending.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    const s = await t.waitForStatus('inits', 'Running', (x) => x.phase === 'Running');
    const [first, second] = s.initContainerStatuses!.map((c) => c.state!.terminated!);
    const app = s.containerStatuses![0]!.state!.running!;
    expect(first!.reason).toBe('Completed');
    expect(Date.parse(first!.finishedAt!)).toBeLessThanOrEqual(Date.parse(second!.startedAt!));
    expect(Date.parse(second!.finishedAt!)).toBeLessThanOrEqual(Date.parse(app.startedAt!));
    // Never saw two init containers running at once.
    for (const st of t.statuses.get('inits')!) expect(st.initContainerStatuses!.filter((c) => c.state?.running).length).toBeLessThanOrEqual(1);
    expect(s.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
  });

  it('share an emptyDir with the app containers, which see what each init container wrote, in order', async () => {
    const write = (word: string) => ({ name: word, image: TEST_IMAGE, command: ['sh', '-c', `echo ${word} >> /work/order`], volumeMounts: [{ name: 'work', mountPath: '/work' }] });
    t.runtime.upsertPod(testPod('shared', {
      volumes: [{ name: 'work', emptyDir: {} }],
      initContainers: [write('one'), write('two'), write('three')],
      containers: [{ name: 'app', image: TEST_IMAGE, command: ['sh', '-c', 'cat /work/order; exec sleep 3600'], volumeMounts: [{ name: 'work', mountPath: '/work', readOnly: true }] }],
    }, nodeName));
    await t.waitForStatus('shared', 'Running', (x) => x.phase === 'Running');
    const out = await waitFor('app output', async () => (await text(await t.runtime.logs({ namespace: 'default', name: 'shared' }, {}))) || undefined);
    expect(out).toBe('one\ntwo\nthree\n');
  });

  it('fail the pod under restartPolicy Never', async () => {
    t.runtime.upsertPod(testPod('init-fails', {
      restartPolicy: 'Never',
      initContainers: [{ name: 'bad', image: TEST_IMAGE, command: ['sh', '-c', 'exit 4'] }],
      containers: [{ name: 'app', image: TEST_IMAGE, command: ['sleep', '3600'] }],
    }, nodeName));
    const s = await t.waitForStatus('init-fails', 'Failed', (x) => x.phase === 'Failed');
    expect(s.initContainerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 4, reason: 'Error' });
    expect(s.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
  });
});

describe('restarts', () => {
  it('restart a crashing container with growing back-off (CrashLoopBackOff)', async () => {
    t.runtime.upsertPod(testPod('crasher', { containers: [{ name: 'c', image: TEST_IMAGE, command: ['sh', '-c', 'echo run; exit 2'] }] }, nodeName));
    await t.waitForStatus('crasher', 'restartCount 3', (s) => (s.containerStatuses?.[0]?.restartCount ?? 0) >= 3, 60_000);
    const history = t.statuses.get('crasher')!.map((s) => s.containerStatuses![0]!);
    const backoffs = history.filter((c) => c.state?.waiting?.reason === 'CrashLoopBackOff');
    expect(backoffs.length).toBeGreaterThan(0);
    const msg = backoffs.at(-1)!.state!.waiting!.message!;
    expect(msg).toMatch(/^back-off \ds restarting failed container=c pod=crasher_default\(.+\)$/);
    const delays = [...new Set(backoffs.map((c) => Number(/back-off (\d+)s/.exec(c.state!.waiting!.message!)![1])))];
    expect(delays.length).toBeGreaterThan(1);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    const last = history.at(-1)!;
    expect(last.lastState?.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(t.statuses.get('crasher')!.at(-1)!.phase).toBe('Running');
    expect(t.eventsOf('crasher').some((e) => e.reason === 'BackOff' && e.type === 'Warning')).toBe(true);
    // The previous instance is kept for logs --previous, older ones are removed.
    const prev = await text(await t.runtime.logs({ namespace: 'default', name: 'crasher' }, { previous: true }));
    expect(prev).toBe('run\n');
    // (a third exists only for the moment between a restart and the clean-up that follows it)
    const instances = () => docker.listContainers({ all: true, filters: { label: [`tugboat.io/node=${nodeName}`, 'tugboat.io/pod-name=crasher', 'tugboat.io/container-kind=app'] } });
    await waitFor('at most two instances', async () => (await instances()).length <= 2);
  });

  it('leave a completed container alone under OnFailure and report Succeeded', async () => {
    t.runtime.upsertPod(testPod('job', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: TEST_IMAGE, command: ['sh', '-c', 'exit 0'] }] }, nodeName));
    const s = await t.waitForStatus('job', 'Succeeded', (x) => x.phase === 'Succeeded');
    expect(s.containerStatuses?.[0]).toMatchObject({ restartCount: 0, ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    // The finished pod's sandbox is stopped; the pod keeps reporting the IP it had.
    await waitFor('sandbox stopped', async () => (await docker.listContainers({ filters: { label: [`tugboat.io/node=${nodeName}`, 'tugboat.io/pod-name=job'] } })).length === 0);
    expect(t.status('job')?.podIP).toBe(s.podIP);
  });
});

describe('resource limits', () => {
  it('apply cpu and memory limits, and report an OOM kill as OOMKilled', async () => {
    t.runtime.upsertPod(testPod('oom', {
      restartPolicy: 'Never',
      containers: [{ name: 'hog', image: TEST_IMAGE, command: ['sh', '-c', 'head -c 100m /dev/zero | tail -c 60m > /dev/null'], resources: { limits: { cpu: '250m', memory: '16Mi' } } }],
    }, nodeName));
    const s = await t.waitForStatus('oom', 'Failed', (x) => x.phase === 'Failed');
    expect(s.containerStatuses?.[0]?.state?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    const id = s.containerStatuses![0]!.containerID!.replace('docker://', '');
    const info = await docker.inspectContainer(id);
    expect(info.HostConfig).toMatchObject({ NanoCpus: 250_000_000, Memory: 16 * 1024 * 1024 });
  });
});

describe('probes', () => {
  it('restart a container whose liveness probe fails', async () => {
    t.runtime.upsertPod(testPod('unlive', {
      containers: [{
        name: 'c', image: TEST_IMAGE,
        // healthy for a moment, then the file the probe checks disappears
        command: ['sh', '-c', 'touch /tmp/healthy; sleep 2; rm /tmp/healthy; exec sleep 3600'],
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 1, failureThreshold: 2 },
      }],
      terminationGracePeriodSeconds: 1,
    }, nodeName));
    const s = await t.waitForStatus('unlive', 'restarted after liveness failure', (x) => (x.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 45_000);
    expect(s.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBeGreaterThan(128);
    const events = t.eventsOf('unlive');
    expect(events.some((e) => e.reason === 'Unhealthy' && e.message.startsWith('Liveness probe failed:'))).toBe(true);
    expect(events).toContainEqual({ type: 'Normal', reason: 'Killing', message: 'Container c failed liveness probe, will be restarted' });
  });

  it('flip readiness with the readiness probe (httpGet on the pod IP)', async () => {
    t.runtime.upsertPod(testPod('readyflip', {
      containers: [{
        name: 'web', image: TEST_IMAGE,
        command: ['sh', '-c', 'mkdir -p /www && echo ok > /www/ok && exec httpd -f -p 8080 -h /www'],
        ports: [{ name: 'http', containerPort: 8080 }],
        readinessProbe: { httpGet: { path: '/ok', port: 'http' }, periodSeconds: 1, failureThreshold: 1 },
      }],
    }, nodeName));
    await t.waitForStatus('readyflip', 'Ready', (s) => ready(s) === 'True');
    const exec = await t.runtime.exec({ namespace: 'default', name: 'readyflip' }, { command: ['rm', '/www/ok'], stdin: false, tty: false });
    expect(await exec.exitCode).toBe(0);
    const s = await t.waitForStatus('readyflip', 'not Ready', (x) => ready(x) === 'False');
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses?.[0]).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(s.conditions?.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(t.eventsOf('readyflip').some((e) => e.reason === 'Unhealthy' && e.message.includes('HTTP probe failed with statuscode: 404'))).toBe(true);
  });

  it('gate liveness and readiness on the startup probe (tcpSocket)', async () => {
    t.runtime.upsertPod(testPod('slowstart', {
      containers: [{
        name: 'c', image: TEST_IMAGE,
        command: ['sh', '-c', 'sleep 2; exec httpd -f -p 9000 -h /tmp'],
        startupProbe: { tcpSocket: { port: 9000 }, periodSeconds: 1, failureThreshold: 30 },
        readinessProbe: { tcpSocket: { port: 9000 }, periodSeconds: 1 },
      }],
    }, nodeName));
    const early = await t.waitForStatus('slowstart', 'running', (s) => Boolean(s.containerStatuses?.[0]?.state?.running));
    expect(early.containerStatuses?.[0]?.started).toBe(false);
    const s = await t.waitForStatus('slowstart', 'Ready', (x) => ready(x) === 'True');
    expect(s.containerStatuses?.[0]).toMatchObject({ started: true, ready: true, restartCount: 0 });
  });
});
