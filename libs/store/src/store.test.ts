import { spawn } from 'node:child_process';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRPCDeadlineExceededError, GRPCUnavailableError } from 'etcd3';
import { Store, startEtcd, watchPrefix } from '@tugboat/store';
import type { EtcdProcess, StoreEvent } from '@tugboat/store';
import { cuttableProxy, deadEndpoint } from './testing/tcp-proxies.js';

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
    // the connection is fine afterwards
    expect((await store.create('/big/after', 'small')).ok).toBe(true);
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

  it('creates, updates and deletes, and answers a lost race with the current value', async () => {
    const c = await store.create('/kv/a', '{"v":1}');
    if (!c.ok) throw new Error('create failed');
    const read = await store.get('/kv/a');
    expect(read).toEqual({ key: '/kv/a', value: '{"v":1}', modRevision: c.revision, createRevision: c.revision });

    expect(await store.create('/kv/a', 'other')).toEqual({ ok: false, current: read });

    const u = await store.update('/kv/a', '{"v":2}', c.revision);
    if (!u.ok) throw new Error('update failed');
    expect(u.revision).toBeGreaterThan(c.revision);
    const current = { key: '/kv/a', value: '{"v":2}', modRevision: u.revision, createRevision: c.revision };
    expect(await store.get('/kv/a')).toEqual(current);
    expect(await store.update('/kv/a', 'stale', c.revision)).toEqual({ ok: false, current });
    expect(await store.delete('/kv/a', c.revision)).toEqual({ ok: false, current });

    const d = await store.delete('/kv/a', u.revision);
    expect(d).toEqual({ ok: true, revision: u.revision + 1 });
    expect(await store.get('/kv/a')).toBeUndefined();
    // the key is gone: a lost race has nothing to show
    expect(await store.update('/kv/a', 'x', u.revision)).toEqual({ ok: false, current: undefined });
    expect(await store.delete('/kv/a', u.revision)).toEqual({ ok: false, current: undefined });
  });

  it('keeps UTF-8 keys and values intact and creates under a lease', async () => {
    const lease = store.etcd.lease(30, { autoKeepAlive: false });
    const id = await lease.grant();
    const value = JSON.stringify({ name: 'é✓😀', pad: 'x'.repeat(100_000) });
    const c = await store.create('/kv/ü/😀', value, id);
    expect(c.ok).toBe(true);
    const kv = (await store.etcd.get('/kv/ü/😀').exec()).kvs[0]!;
    expect(kv.lease).toBe(id);
    expect(kv.value.toString()).toBe(value);
    expect(await store.create('/kv/ü/😀', 'again')).toMatchObject({ ok: false, current: { key: '/kv/ü/😀', value } });
    await lease.revoke();
  });

  it('writes many at once, each at its own revision', async () => {
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => store.create(`/kv/many/${i}`, String(i))));
    const revisions = results.map((r) => (r.ok ? r.revision : -1));
    expect(new Set(revisions).size).toBe(300);
    expect(Math.min(...revisions)).toBeGreaterThan(0);
  });

  it('goes to the next endpoint when the first cannot be reached, and fails fast when none can', async () => {
    const dead = await deadEndpoint();
    const s = new Store({ endpoints: [dead, etcd.endpoint] });
    try {
      for (let i = 0; i < 5; i++) expect((await s.create(`/kv/failover/${i}`, 'v')).ok).toBe(true);
    } finally {
      s.close();
    }
    const none = new Store({ endpoints: [dead, await deadEndpoint()] });
    try {
      const t0 = Date.now();
      await expect(none.create('/kv/nowhere', 'v')).rejects.toBeInstanceOf(GRPCUnavailableError);
      expect(Date.now() - t0).toBeLessThan(3_000);
    } finally {
      none.close();
    }
  });

  it('reconnects after its connection is cut', async () => {
    const proxy = await cuttableProxy(new URL(etcd.endpoint));
    const s = new Store({ endpoints: [proxy.endpoint] });
    try {
      expect((await s.create('/kv/cut/1', 'v')).ok).toBe(true);
      const before = proxy.connections();
      proxy.cut();
      // a write racing the cut may fail (and is not retried); the channel then connects again
      await expect.poll(async () => (await s.create(`/kv/cut/${Math.random()}`, 'v').catch(() => ({ ok: false }))).ok, { timeout: 10_000 }).toBe(true);
      expect(proxy.connections()).toBeGreaterThan(before);
    } finally {
      s.close();
      await proxy.close();
    }
  });

  it('rejects a call unanswered past callTimeoutMs with DEADLINE_EXCEEDED, without retrying it', async () => {
    // an HTTP/2 server that takes the call and never answers
    let calls = 0;
    const silent = http2.createServer();
    silent.on('stream', () => void calls++);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const s = new Store({ endpoints: [`http://127.0.0.1:${(silent.address() as AddressInfo).port}`], callTimeoutMs: 300 });
    try {
      const t0 = Date.now();
      await expect(s.update('/kv/slow', 'v', 1)).rejects.toBeInstanceOf(GRPCDeadlineExceededError);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
      expect(calls).toBe(1);
    } finally {
      s.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('closes its connections on close()', async () => {
    const proxy = await cuttableProxy(new URL(etcd.endpoint));
    const s = new Store({ endpoints: [proxy.endpoint] });
    try {
      expect((await s.create('/kv/close/1', 'v')).ok).toBe(true);
      await s.get('/kv/close/1'); // etcd3's connection too
      expect(proxy.open()).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(proxy.open()).toBeGreaterThan(0); // idle connections stay open until then
      s.close();
      await expect.poll(() => proxy.open(), { timeout: 5_000 }).toBe(0);
      await expect(s.create('/kv/close/2', 'v')).rejects.toThrow(/closed/);
    } finally {
      await proxy.close();
    }
  });

  it('leaves no handle behind after close(): a process that used it exits by itself', async () => {
    const dead = await deadEndpoint();
    const storeIndex = fileURLToPath(new URL('./index.ts', import.meta.url));
    const script = `
      import { Store } from ${JSON.stringify(storeIndex)};
      const s = new Store({ endpoints: [${JSON.stringify(dead)}, ${JSON.stringify(etcd.endpoint)}] });
      const r = await s.create('/kv/child/' + Date.now(), 'v');
      await s.update('/kv/child/x', 'v', 1);
      s.close();
      console.log(JSON.stringify(r.ok));
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@tugboat/source', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const timeout = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000).unref());
    const code = await Promise.race([exited, timeout]);
    if (code === 'hung') child.kill('SIGKILL');
    expect({ code, err: err.trim() }).toEqual({ code: 0, err: '' });
    expect(out.trim()).toBe('true');
  });
});
