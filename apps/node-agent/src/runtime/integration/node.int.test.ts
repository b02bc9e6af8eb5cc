/** The runtime across its own lifetime: adoption after a restart, graceful deletion, orphan collection. */
import { text } from 'node:stream/consumers';
import { EngineClient } from '../../docker/engine-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '@tugboat/api';
import { TEST_IMAGE, cleanupNode, createTestNetwork, ensureDocker, startTestRuntime, testNodeName, testPod, waitFor } from '../../testing/index.js';
import type { TestRuntime } from '../../testing/index.js';

const docker = new EngineClient();
const nodeName = testNodeName();
let network: { name: string; subnet: string };
const open: TestRuntime[] = [];

function start(): TestRuntime {
  const t = startTestRuntime({ docker, nodeName, network });
  open.push(t);
  return t;
}

beforeAll(async () => {
  await ensureDocker();
  network = await createTestNetwork(docker, nodeName);
});

afterAll(async () => {
  await Promise.all(open.map((t) => t.runtime.close()));
  await cleanupNode(docker, nodeName);
  docker.close();
});

async function podContainers(name: string): Promise<{ id: string; kind: string; restarts: string }[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`tugboat.io/node=${nodeName}`, `tugboat.io/pod-name=${name}`] } });
  return list.map((c) => ({ id: c.Id, kind: c.Labels['tugboat.io/container-kind'] ?? '', restarts: c.Labels['tugboat.io/restart-count'] ?? '' })).sort((a, b) => a.id.localeCompare(b.id));
}

const runningWith = (t: TestRuntime, name: string, restarts: number) =>
  t.waitForStatus(name, `running with ${restarts} restarts`, (s) => s.phase === 'Running' && s.containerStatuses?.every((c) => c.state?.running && c.restartCount === restarts) === true);

describe('a restarted runtime', () => {
  let pod: Pod;

  it('restarts a container killed behind its back, reacting to the Docker event', async () => {
    const a = start();
    await a.runtime.ready;
    a.runtime.resync([]);
    pod = testPod('adopt', { containers: [{ name: 'main', image: TEST_IMAGE, command: ['sleep', '3600'] }] }, nodeName);
    a.runtime.upsertPod(pod);
    const first = await runningWith(a, 'adopt', 0);
    await docker.killContainer(first.containerStatuses![0]!.containerID!.replace('docker://', ''));
    const s = await runningWith(a, 'adopt', 1);
    expect(s.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137);
    await a.runtime.close();
  });

  it('adopts running pods without restarting anything', async () => {
    const before = await podContainers('adopt');
    const b = start();
    await b.runtime.ready;
    b.runtime.resync([pod]);
    const s = await runningWith(b, 'adopt', 1);
    expect(s.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137);
    expect(await podContainers('adopt')).toEqual(before);
    expect(b.eventsOf('adopt').filter((e) => e.reason === 'Created' || e.reason === 'Killing')).toEqual([]);
    await b.runtime.close();
  });

  it('leaves unknown pods alone until the first resync, then removes them', async () => {
    const c = start();
    await c.runtime.ready;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await podContainers('adopt')).length).toBeGreaterThan(0);
    c.runtime.resync([]);
    await waitFor('orphans removed', async () => (await podContainers('adopt')).length === 0);
    expect(c.terminated).toEqual([]);
  });
});

describe('deletion', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = open.at(-1)!;
  });

  it('stops gracefully: SIGTERM reaches the process, well before the grace period ends', async () => {
    const pod = testPod('graceful', {
      terminationGracePeriodSeconds: 30,
      volumes: [{ name: 'scratch', emptyDir: {} }],
      containers: [{ name: 'main', image: TEST_IMAGE, command: ['sh', '-c', "trap 'echo got SIGTERM; exit 0' TERM; echo started; while true; do sleep 0.2; done"], volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] }],
    }, nodeName);
    t.runtime.upsertPod(pod);
    await runningWith(t, 'graceful', 0);
    const logs = await t.runtime.logs({ namespace: 'default', name: 'graceful' }, { follow: true });
    const collected = text(logs);
    const started = Date.now();
    t.runtime.upsertPod({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: new Date().toISOString(), deletionGracePeriodSeconds: 30 } });
    await waitFor('onPodTerminated', () => t.terminated.includes('graceful'), 25_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await collected).toBe('started\ngot SIGTERM\n');
    expect(await podContainers('graceful')).toEqual([]);
    expect(await docker.listVolumes({ filters: { label: [`tugboat.io/pod-uid=${pod.metadata.uid}`] } })).toEqual([]);
    expect(t.eventsOf('graceful')).toContainEqual({ type: 'Normal', reason: 'Killing', message: 'Stopping container main' });
  });

  it('removes a pod the API no longer has at once', async () => {
    const pod = testPod('vanish', { containers: [{ name: 'main', image: TEST_IMAGE, command: ['sleep', '3600'] }] }, nodeName);
    t.runtime.upsertPod(pod);
    await runningWith(t, 'vanish', 0);
    t.runtime.removePod(pod.metadata.uid!);
    await waitFor('containers removed', async () => (await podContainers('vanish')).length === 0);
    expect(t.terminated).not.toContain('vanish');
  });

  it('drops pods missing from a resync', async () => {
    const keep = testPod('keep', { containers: [{ name: 'main', image: TEST_IMAGE, command: ['sleep', '3600'] }] }, nodeName);
    const drop = testPod('drop', { containers: [{ name: 'main', image: TEST_IMAGE, command: ['sleep', '3600'] }] }, nodeName);
    t.runtime.upsertPod(keep);
    t.runtime.upsertPod(drop);
    await runningWith(t, 'keep', 0);
    await runningWith(t, 'drop', 0);
    const kept = await podContainers('keep');
    t.runtime.resync([keep]);
    await waitFor('dropped pod removed', async () => (await podContainers('drop')).length === 0);
    expect(await podContainers('keep')).toEqual(kept);
  });
});
