/** Pods no node can take: the reason on the pod and in an Event, no write storms, and the retry when the cluster changes. */
import type { Node } from '@tugboat/api';
import { afterEach, describe, expect, it } from 'vitest';
import { NODES, PODS, attempts, createNode, createPod, getPod, nodeOf, podEvents, startEnv, until } from './testing/cluster.js';
import type { TestEnv } from './testing/cluster.js';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const scheduledCondition = async (env: TestEnv, name: string) => (await getPod(env.client, name)).status?.conditions?.find((c) => c.type === 'PodScheduled');

describe('unschedulable pods (real apiserver)', () => {
  it('get PodScheduled=False and one FailedScheduling event saying why, per node, in the Kubernetes format', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'small-1', { memory: '1Gi' });
    await createNode(client, 'small-2', { memory: '1Gi' });
    await createNode(client, 'dedicated', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] });
    await createNode(client, 'down', { ready: false });
    const scheduler = env.scheduler();
    await createPod(client, 'big', { memory: '2Gi' });

    const want = '0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were not ready, 2 Insufficient memory.';
    const condition = await until(() => scheduledCondition(env!, 'big'), 'the PodScheduled condition');
    expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable', message: want });
    const events = await until(async () => {
      const evs = await podEvents(client, 'big');
      return evs.length > 0 && evs;
    }, 'the FailedScheduling event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'Warning', reason: 'FailedScheduling', message: want,
      involvedObject: { kind: 'Pod', name: 'big', namespace: 'default' },
      source: { component: 'default-scheduler' }, reportingComponent: 'default-scheduler',
    });

    // Another cycle with the same outcome (a node changed, nothing that helps) writes nothing.
    const rv = (await getPod(client, 'big')).metadata.resourceVersion;
    const before = await attempts(scheduler, 'unschedulable');
    await client.patch({ resource: NODES, name: 'small-1' }, 'merge', { metadata: { labels: { touched: 'yes' } } });
    await until(async () => (await attempts(scheduler, 'unschedulable')) > before, 'a second scheduling attempt');
    expect((await getPod(client, 'big')).metadata.resourceVersion).toBe(rv);
    expect(await podEvents(client, 'big')).toHaveLength(1);
  });

  it('schedules a pending pod once a node that fits is added', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'small', { cpu: '1' });
    env.scheduler();
    await createPod(client, 'waiting', { cpu: '2' });
    await until(async () => (await scheduledCondition(env!, 'waiting'))?.message === '0/1 nodes are available: 1 Insufficient cpu.', 'the pod to be reported unschedulable');
    await createNode(client, 'large', { cpu: '4' });
    expect(await nodeOf(client, 'waiting')).toBe('large');
    // no longer saying Unschedulable once bound (the apiserver's binding does not flip it yet)
    await until(async () => (await scheduledCondition(env!, 'waiting'))?.status === 'True', 'PodScheduled=True');
  });

  it('schedules a pending pod once its node is uncordoned', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'only', { unschedulable: true });
    env.scheduler();
    await createPod(client, 'waiting');
    await until(async () => (await scheduledCondition(env!, 'waiting'))?.message === '0/1 nodes are available: 1 node(s) were unschedulable.', 'the pod to be reported unschedulable');
    await client.patch<Node>({ resource: NODES, name: 'only' }, 'merge', { spec: { unschedulable: false } });
    expect(await nodeOf(client, 'waiting')).toBe('only');
  });

  it('schedules a pending pod once a pod holding the resources is deleted', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'one', { cpu: '1' });
    env.scheduler();
    await createPod(client, 'holder', { cpu: '800m' });
    await nodeOf(client, 'holder');
    await createPod(client, 'waiting', { cpu: '800m' });
    await until(async () => (await scheduledCondition(env!, 'waiting'))?.reason === 'Unschedulable', 'the pod to be reported unschedulable');
    await client.delete({ resource: PODS, namespace: 'default', name: 'holder' }, { gracePeriodSeconds: 0 });
    expect(await nodeOf(client, 'waiting')).toBe('one');
  });
});
