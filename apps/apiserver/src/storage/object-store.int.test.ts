/**
 * Updates that start from the watch cache's copy: a stale copy must never decide the answer.
 * The cache is frozen (its etcd watch closed) and etcd is changed behind its back.
 */
import type { KubeObject } from '@tugboat/api';
import { errors, resourceFor } from '@tugboat/api';
import type { EtcdProcess } from '@tugboat/store';
import { Store, startEtcd } from '@tugboat/store';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admissionChain } from './admission.js';
import { decodeStored, encodeForStore } from './codec.js';
import { objectKey } from './keys.js';
import { ObjectStore } from './object-store.js';
import { WatchCache } from './watch-cache.js';

const pods = resourceFor('', 'v1', 'pods')!;
let etcd: EtcdProcess;
let store: Store;
let cache: WatchCache;
let objects: ObjectStore;
let seq = 0;

beforeAll(async () => {
  etcd = await startEtcd();
  store = new Store({ endpoints: [etcd.endpoint] });
});

afterAll(async () => {
  store?.close();
  await etcd?.close();
});

beforeEach(async () => {
  await cache?.close();
  cache = new WatchCache(store, pods, pino({ level: 'silent' }));
  await cache.start();
  objects = new ObjectStore(pods, store, cache, () => admissionChain([]));
});

/** A pod the cache has seen, then changed in etcd only (the cache no longer watches). */
async function stalePod(change: (pod: KubeObject) => void): Promise<{ name: string; etcdRv: string }> {
  const name = `p${++seq}`;
  const created = await objects.create('ns', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'i' }] } });
  await cache.waitForRevision(Number(created.metadata.resourceVersion), 5_000);
  expect(cache.get(`ns/${name}`)).toBeDefined();
  await cache.close();
  const key = objectKey(pods, 'ns', name);
  const kv = (await store.get(key))!;
  const pod = decodeStored(kv);
  change(pod);
  const res = await store.update(key, encodeForStore(pod), kv.modRevision);
  if (!res.ok) throw new Error('setup write lost');
  return { name, etcdRv: String(res.revision) };
}

const bindTo = (node: string) => (current: KubeObject | undefined) => {
  const spec = current!.spec as { nodeName?: string };
  if (spec.nodeName) throw errors.conflict('pods', '', current!.metadata.name!, `already assigned to ${spec.nodeName}`);
  return { ...current!, spec: { ...spec, nodeName: node } };
};

describe('update from a stale cached copy', () => {
  it('answers an error the stale copy would not have raised', async () => {
    const { name } = await stalePod((p) => ((p.spec as { nodeName?: string }).nodeName = 'n1'));
    await expect(objects.update('ns', name, bindTo('n2'), { subresource: 'binding' })).rejects.toThrow(/already assigned to n1/);
  });

  it('accepts the resourceVersion a client read from etcd', async () => {
    const { name, etcdRv } = await stalePod((p) => (p.metadata.labels = { a: 'b' }));
    const { obj } = await objects.update('ns', name, (cur) => ({ ...cur!, metadata: { ...cur!.metadata, resourceVersion: etcdRv, labels: { a: 'c' } } }));
    expect(obj.metadata.labels).toEqual({ a: 'c' });
  });

  it('writes a change that the stale copy calls no change', async () => {
    const { name } = await stalePod((p) => (p.metadata.labels = { a: 'b' }));
    // the stale copy has no labels, so dropping them changes nothing there; in etcd it does
    const dropLabels = (cur: KubeObject | undefined) => {
      const { labels: _l, ...metadata } = cur!.metadata;
      return { ...cur!, metadata };
    };
    const { obj } = await objects.update('ns', name, dropLabels);
    expect(obj.metadata.labels).toBeUndefined();
    expect((await objects.get('ns', name)).metadata.labels).toBeUndefined();
  });

  it('keeps what etcd has when the swap on the stale copy is lost', async () => {
    const { name } = await stalePod((p) => (p.metadata.labels = { kept: 'yes' }));
    const { obj } = await objects.update('ns', name, bindTo('n3'), { subresource: 'binding' });
    expect(obj.metadata.labels).toEqual({ kept: 'yes' });
    expect((obj.spec as { nodeName?: string }).nodeName).toBe('n3');
  });

  it('reports a conflict for a resourceVersion older than etcd’s', async () => {
    const { name } = await stalePod((p) => (p.metadata.labels = { a: 'b' }));
    const cachedRv = cache.get(`ns/${name}`)!.obj.metadata.resourceVersion!;
    await expect(
      objects.update('ns', name, (cur) => ({ ...cur!, metadata: { ...cur!.metadata, resourceVersion: cachedRv, labels: { x: 'y' } } })),
    ).rejects.toMatchObject({ code: 'Conflict' });
  });
});

describe('a binding', () => {
  const deepFreeze = <T>(v: T): T => {
    if (v && typeof v === 'object') for (const child of Object.values(v)) deepFreeze(child);
    return Object.freeze(v);
  };

  it("starts from the watch cache's own object and leaves it as it was", async () => {
    const created = await objects.create('ns', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bind-shared' }, spec: { containers: [{ name: 'c', image: 'i' }] } });
    await cache.waitForRevision(Number(created.metadata.resourceVersion), 5_000);
    const cached = deepFreeze(cache.get('ns/bind-shared')!.obj);
    const before = JSON.stringify(cached);
    const { obj } = await objects.update('ns', 'bind-shared', bindTo('n1'), { subresource: 'binding' });
    expect((obj.spec as { nodeName?: string }).nodeName).toBe('n1');
    expect(JSON.stringify(cached)).toBe(before);
    expect((await objects.get('ns', 'bind-shared')).spec).toMatchObject({ nodeName: 'n1' });
  });
});
