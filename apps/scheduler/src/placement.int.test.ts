/** Where pods land, against a real apiserver on a real etcd with Nodes registered through the API. */
import type { KubeObject } from '@tugboat/api';
import { afterEach, describe, expect, it } from 'vitest';
import { REPLICASETS, createNode, createPod, listPods, nodeOf, startEnv, until } from './testing/cluster.js';
import type { TestEnv } from './testing/cluster.js';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('scheduler placement (real apiserver)', () => {
  it('puts a pod that fits only on the big node there', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'small', { cpu: '1', memory: '2Gi' });
    await createNode(client, 'big', { cpu: '8', memory: '32Gi' });
    env.scheduler();
    await createPod(client, 'hungry', { cpu: '4', memory: '8Gi' });
    expect(await nodeOf(client, 'hungry')).toBe('big');
  });

  it('honours nodeSelector', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'hdd');
    await createNode(client, 'ssd', { labels: { disk: 'ssd' } });
    env.scheduler();
    await createPod(client, 'db', { spec: { nodeSelector: { disk: 'ssd' } } });
    expect(await nodeOf(client, 'db')).toBe('ssd');
  });

  it('keeps pods off tainted nodes unless they tolerate the taint', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'dbnode', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] });
    await createNode(client, 'web');
    env.scheduler();
    await createPod(client, 'plain-1');
    await createPod(client, 'plain-2');
    await createPod(client, 'tolerant', {
      spec: { nodeSelector: { 'kubernetes.io/hostname': 'dbnode' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] },
    });
    expect(await nodeOf(client, 'plain-1')).toBe('web');
    expect(await nodeOf(client, 'plain-2')).toBe('web');
    expect(await nodeOf(client, 'tolerant')).toBe('dbnode');
  });

  it('skips cordoned nodes', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'cordoned', { unschedulable: true, cpu: '64' });
    await createNode(client, 'open');
    env.scheduler();
    for (let i = 0; i < 3; i++) await createPod(client, `p${i}`);
    for (let i = 0; i < 3; i++) expect(await nodeOf(client, `p${i}`)).toBe('open');
  });

  it('spreads the pods of one ReplicaSet across nodes even when one node is far emptier', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'huge', { cpu: '64', memory: '256Gi' });
    await createNode(client, 'small-a');
    await createNode(client, 'small-b');
    const rs = await client.create<KubeObject>(REPLICASETS, {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    env.scheduler();
    await Promise.all(Array.from({ length: 6 }, (_, i) => createPod(client, `web-${i}`, { cpu: '100m', memory: '64Mi', ownerUid: rs.metadata.uid, labels: { app: 'web' } })));
    const pods = await until(async () => {
      const all = await listPods(client);
      return all.every((p) => p.spec?.nodeName) && all;
    }, 'all replicas bound');
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect(Object.fromEntries(perNode)).toEqual({ huge: 2, 'small-a': 2, 'small-b': 2 });
  });

  it('packs pods onto the fuller node with the MostAllocated strategy', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'a');
    await createNode(client, 'b');
    env.scheduler({ scoringStrategy: 'MostAllocated' });
    await createPod(client, 'first', { cpu: '1', memory: '1Gi' });
    const first = await nodeOf(client, 'first');
    await createPod(client, 'second', { cpu: '1', memory: '1Gi' });
    expect(await nodeOf(client, 'second')).toBe(first);
  });
});
