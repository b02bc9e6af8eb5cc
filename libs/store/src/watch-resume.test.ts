import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, startEtcd, watchPrefix } from '@tugboat/store';
import type { EtcdProcess, StoreEvent } from '@tugboat/store';
import { cuttableProxy, deadEndpoint } from './testing/tcp-proxies.js';
import { deliveredUpTo } from './watch.js';

const put = (key: string, modRevision: number): StoreEvent => ({ type: 'put', kv: { key, value: '', modRevision, createRevision: modRevision } });

describe('deliveredUpTo', () => {
  it('trusts the last event of a response, not its header revision', () => {
    expect(deliveredUpTo(10, [put('/a', 11), put('/b', 12)], 5_000)).toBe(12);
  });
  it('trusts the header of an empty (progress) response', () => {
    expect(deliveredUpTo(12, [], 40)).toBe(40);
    expect(deliveredUpTo(12, [], 3)).toBe(12);
  });
});


describe('a prefix watch on a real etcd', () => {
  let etcd: EtcdProcess;
  let writer: Store;
  beforeAll(async () => {
    etcd = await startEtcd();
    writer = new Store({ endpoints: [etcd.endpoint] });
  });
  afterAll(async () => {
    writer?.close();
    await etcd?.close();
  });

  it("takes a catch-up message larger than gRPC's default 4 MiB", async () => {
    // 1,000 revisions of 8 KB values: one ~8 MB watch response
    const start = (await writer.currentRevision()) + 1;
    const value = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 1_000; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => writer.create(`/big/${i + j}`, value)));
    }
    const seen = new Set<string>();
    let reconnects = 0;
    const w = await watchPrefix(writer, '/big/', start, {
      onEvents: (events) => events.forEach((ev) => ev.type === 'put' && seen.add(ev.kv.key)),
      onExpired: () => undefined,
      onReconnect: () => reconnects++,
    });
    try {
      await expect.poll(() => seen.size, { timeout: 20_000 }).toBe(1_000);
      expect(reconnects).toBe(0);
    } finally {
      await w.close();
    }
  }, 60_000);

  it('resumes after the last event it delivered and loses none', async () => {
    // 5,000 revisions behind: etcd sends them 1,000 at a time, each response headed by its current revision
    const KEYS = 5_000;
    const start = (await writer.currentRevision()) + 1;
    for (let i = 0; i < KEYS; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => writer.create(`/resume/${i + j}`, 'v')));
    }
    const proxy = await cuttableProxy(new URL(etcd.endpoint));
    const reader = new Store({ endpoints: [proxy.endpoint] });
    const seen = new Set<string>();
    let reconnects = 0;
    const w = await watchPrefix(reader, '/resume/', start, {
      onEvents: (events) => {
        if (seen.size === 0) proxy.cut();
        for (const ev of events) if (ev.type === 'put') seen.add(ev.kv.key);
      },
      onExpired: () => undefined,
      onReconnect: () => reconnects++,
    });
    try {
      await expect.poll(() => seen.size, { timeout: 20_000 }).toBe(KEYS);
      expect(reconnects).toBeGreaterThan(0);
    } finally {
      await w.close();
      reader.close();
      await proxy.close();
    }
  }, 60_000);

  it('passes over an endpoint it cannot reach', async () => {
    const reader = new Store({ endpoints: [await deadEndpoint(), etcd.endpoint] });
    const seen: string[] = [];
    const w = await watchPrefix(reader, '/over/', (await writer.currentRevision()) + 1, {
      onEvents: (events) => events.forEach((ev) => ev.type === 'put' && seen.push(ev.kv.key)),
      onExpired: () => undefined,
    });
    try {
      await writer.create('/over/a', 'v');
      await expect.poll(() => seen).toEqual(['/over/a']);
    } finally {
      await w.close();
      reader.close();
    }
  }, 20_000);

  it('reports a lost stream once, however many attempts reopening it takes', async () => {
    const proxy = await cuttableProxy(new URL(etcd.endpoint));
    const reader = new Store({ endpoints: [proxy.endpoint] });
    let reconnects = 0;
    const w = await watchPrefix(reader, '/lost/', (await writer.currentRevision()) + 1, {
      onEvents: () => undefined,
      onExpired: () => undefined,
      onReconnect: () => reconnects++,
    });
    try {
      const closed = proxy.close(); // no new connections; done once the open ones are cut
      proxy.cut();
      await closed;
      await new Promise((r) => setTimeout(r, 1_000)); // attempts after 100, 200 and 400 ms fail
      expect(reconnects).toBe(1);
    } finally {
      await w.close();
      reader.close();
    }
  });

  it('settles a watch still waiting for etcd when the store closes', async () => {
    const lost = new Store({ endpoints: [await deadEndpoint()] });
    const pending = watchPrefix(lost, '/never/', 1, { onEvents: () => undefined, onExpired: () => undefined });
    await new Promise((r) => setTimeout(r, 200)); // a connection refused, a retry scheduled
    lost.close();
    await expect(pending.then((w) => w.close())).resolves.toBeUndefined();
  });

  it('sees only its prefix, and nothing once closed', async () => {
    const seen: string[] = [];
    const w = await watchPrefix(writer, '/only/', (await writer.currentRevision()) + 1, {
      onEvents: (events) => events.forEach((ev) => ev.type === 'put' && seen.push(ev.kv.key)),
      onExpired: () => undefined,
    });
    await writer.create('/only0', 'next prefix');
    await writer.create('/onl', 'shorter');
    await writer.create('/only/a', 'v');
    await expect.poll(() => seen).toEqual(['/only/a']);
    await w.close();
    await writer.create('/only/b', 'v');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual(['/only/a']);
  });
});
