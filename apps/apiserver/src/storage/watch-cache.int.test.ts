/**
 * The watch cache's trigger index on a real etcd: subscribers that name a node hear only the
 * events of pods that are (or were) bound to it, replayed from a resourceVersion as well as live.
 */
import type { KubeObject } from '@tugboat/api';
import { resourceFor } from '@tugboat/api';
import type { EtcdProcess } from '@tugboat/store';
import { Store, startEtcd } from '@tugboat/store';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionChain } from './admission.js';
import { ObjectStore } from './object-store.js';
import { podNodeName } from './triggers.js';
import type { CacheEvent } from './watch-cache.js';
import { WatchCache } from './watch-cache.js';

const pods = resourceFor('', 'v1', 'pods')!;
let etcd: EtcdProcess;
let store: Store;
let cache: WatchCache;
let objects: ObjectStore;

beforeAll(async () => {
  etcd = await startEtcd();
  store = new Store({ endpoints: [etcd.endpoint] });
  cache = new WatchCache(store, pods, pino({ level: 'silent' }), { triggerOf: podNodeName });
  await cache.start();
  objects = new ObjectStore(pods, store, cache, () => admissionChain([]));
});

afterAll(async () => {
  await cache?.close();
  store?.close();
  await etcd?.close();
});

const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'i' }] } });
const bindTo = (node: string) => (current: KubeObject | undefined) => ({ ...current!, spec: { ...current!.spec as object, nodeName: node } });

async function settle(rev: string | undefined): Promise<void> {
  await cache.waitForRevision(Number(rev), 5_000);
}

describe('watch cache triggers', () => {
  it('deliver a node\'s pods only, live and replayed, and list them by node', async () => {
    const start = cache.revision;
    const live: CacheEvent[] = [];
    const sub = cache.subscribe(start, { onEvent: (ev) => live.push(ev), onTerminate: () => undefined }, 'node-a');

    await objects.create('ns', pod('a1'));
    await objects.create('ns', pod('b1'));
    await objects.update('ns', 'a1', bindTo('node-a'), { subresource: 'binding' });
    await objects.update('ns', 'b1', bindTo('node-b'), { subresource: 'binding' });
    await objects.update('ns', 'a1', (cur) => ({ ...cur!, status: { phase: 'Running' } }), { subresource: 'status' });
    await objects.delete('ns', 'a1', { gracePeriodSeconds: 0 });
    // a removal answers with the object as it was: wait for etcd's revision after it
    await settle(String(await store.currentRevision()));

    const seen = (evs: CacheEvent[]) => evs.map((ev) => `${ev.type} ${ev.obj.metadata.name}`);
    expect(seen(live)).toEqual(['MODIFIED a1', 'MODIFIED a1', 'DELETED a1']);

    const replayed: CacheEvent[] = [];
    cache.subscribe(start, { onEvent: (ev) => replayed.push(ev), onTerminate: () => undefined }, 'node-b').close();
    expect(seen(replayed)).toEqual(['MODIFIED b1']);

    expect([...cache.listBy('node-b')].map((c) => c.key)).toEqual(['ns/b1']);
    expect([...cache.listBy('node-a')]).toEqual([]);
    sub.close();
  });

  it('tell triggered subscribers too when the cache must relist', async () => {
    let terminated = 0;
    cache.subscribe(cache.revision, { onEvent: () => undefined, onTerminate: () => terminated++ }, 'node-z');
    cache.subscribe(cache.revision, { onEvent: () => undefined, onTerminate: () => terminated++ });
    await cache.close();
    expect(terminated).toBe(2);
  });
});
