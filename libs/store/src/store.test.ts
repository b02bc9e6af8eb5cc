import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, startEtcd, watchPrefix } from '@tugboat/store';
import type { EtcdProcess, StoreEvent } from '@tugboat/store';

describe('Store on a real etcd', () => {
  let etcd: EtcdProcess;
  let store: Store;
  beforeAll(async () => {
    etcd = await startEtcd();
    store = new Store({ endpoints: [etcd.endpoint] });
  });
  afterAll(async () => {
    store?.close();
    await etcd?.close();
  });

  it('creates only once and updates only at the revision read', async () => {
    const c = await store.create('/t/a', '1');
    expect(c.ok).toBe(true);
    const again = await store.create('/t/a', '2');
    expect(again).toMatchObject({ ok: false, current: { value: '1' } });
    const cur = await store.get('/t/a');
    const u = await store.update('/t/a', '3', cur!.modRevision);
    expect(u.ok).toBe(true);
    const stale = await store.update('/t/a', '4', cur!.modRevision);
    expect(stale).toMatchObject({ ok: false, current: { value: '3' } });
    const del = await store.delete('/t/a', cur!.modRevision);
    expect(del.ok).toBe(false);
    expect((await store.get('/t/a'))?.value).toBe('3');
  });

  it("answers a value over etcd's request limit with RequestEntityTooLarge and stores nothing", async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    await expect(store.create('/big/a', big)).rejects.toMatchObject({ code: 'RequestEntityTooLarge' });
    expect(await store.get('/big/a')).toBeUndefined();
  });

  it('lists a prefix at a revision and watches from one', async () => {
    await store.create('/w/1', 'a');
    const listed = await store.list('/w/');
    expect(listed.items.map((i) => i.value)).toEqual(['a']);
    const seen: StoreEvent[] = [];
    const w = await watchPrefix(store, '/w/', listed.revision + 1, {
      onEvents: (evs) => seen.push(...evs),
      onExpired: () => undefined,
    });
    const r2 = await store.create('/w/2', 'b');
    const cur = await store.get('/w/1');
    await store.delete('/w/1', cur!.modRevision);
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[0]).toMatchObject({ type: 'put', kv: { key: '/w/2', value: 'b' } });
    expect(seen[1]).toEqual({ type: 'delete', key: '/w/1', modRevision: expect.any(Number) });
    await w.close();
    expect(r2.ok && r2.revision).toBeGreaterThan(listed.revision);
  });

  it('reports a watch from a compacted revision as expired', async () => {
    const first = await store.create('/c/1', 'x');
    await store.create('/c/2', 'y');
    const rev = await store.currentRevision();
    await store.compact(rev);
    let expired = false;
    const w = await watchPrefix(store, '/c/', first.ok ? first.revision : 1, {
      onEvents: () => undefined,
      onExpired: () => (expired = true),
    });
    await expect.poll(() => expired).toBe(true);
    await w.close();
  });
});
