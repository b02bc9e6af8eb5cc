import { spawn } from 'node:child_process';
import http2 from 'node:http2';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRPCDeadlineExceededError, GRPCUnavailableError } from 'etcd3';
import { Store, startEtcd } from '@tugboat/store';
import type { EtcdProcess } from '@tugboat/store';
import { KvTxnClient } from './kv-txn.js';
import { cuttableProxy, freezableProxy } from './testing/tcp-proxies.js';

/** A loopback port nothing listens on. */
async function deadEndpoint(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return `http://127.0.0.1:${port}`;
}


describe("the Store's writes through the lean KV.Txn client, on a real etcd", () => {
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

  it("answers a value over etcd's request limit with RequestEntityTooLarge (413) and stores nothing", async () => {
    await expect(store.create('/kv/big', 'x'.repeat(2 * 1024 * 1024))).rejects.toMatchObject({ code: 'RequestEntityTooLarge' });
    expect(await store.get('/kv/big')).toBeUndefined();
    // the channel is fine afterwards
    expect((await store.create('/kv/after-big', 'small')).ok).toBe(true);
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

/** A scripted gRPC server on HTTP/2: `answer` decides what each call gets. */
async function scriptedServer(answer: (stream: http2.ServerHttp2Stream, call: number, session: http2.ServerHttp2Session) => void) {
  let calls = 0;
  const sessions = new Set<http2.ServerHttp2Session>();
  const server = http2.createServer();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  server.on('stream', (stream) => {
    stream.on('error', () => undefined);
    stream.resume();
    stream.on('end', () => answer(stream, ++calls, stream.session!));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    sessions: () => sessions.size,
    close: async () => {
      for (const s of sessions) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A TxnResponse { header { revision }, succeeded: true } in a gRPC frame, and its OK trailers. */
function ok(stream: http2.ServerHttp2Stream, revision: number): void {
  const msg = Buffer.from([0x0a, 0x02, 0x18, revision, 0x10, 0x01]);
  const frame = Buffer.concat([Buffer.from([0, 0, 0, 0, msg.length]), msg]);
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
  stream.end(frame);
}

describe('KvTxnClient against a scripted HTTP/2 server', () => {
  const spec = { compare: [], success: [{ type: 'put' as const, key: Buffer.from('k'), value: Buffer.from('v') }], failure: [] };

  it('sends a refused stream again (it was not processed), on a new connection after a GOAWAY', async () => {
    const server = await scriptedServer((stream, call, session) => {
      if (call === 1) return ok(stream, 7);
      if (call === 2) {
        session.goaway(); // graceful: no new streams on this connection
        return ok(stream, 8);
      }
      if (call === 3) return stream.close(http2.constants.NGHTTP2_REFUSED_STREAM);
      ok(stream, call + 10);
    });
    const kv = new KvTxnClient({ endpoints: [server.endpoint], callTimeoutMs: 5_000 });
    try {
      expect((await kv.txn(spec)).revision).toBe(7);
      expect((await kv.txn(spec)).revision).toBe(8);
      expect(await kv.txn(spec)).toEqual({ revision: 14, succeeded: true, rangeKv: undefined }); // call 3 refused, call 4 answered
      expect(server.calls()).toBe(4);
    } finally {
      kv.close();
      await server.close();
    }
  });

  it("maps etcd's status to etcd3's errors and moves to the next endpoint after UNAVAILABLE", async () => {
    const noLeader = await scriptedServer((stream) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '14', 'grpc-message': 'etcdserver:%20no%20leader' }, { endStream: true });
    });
    const healthy = await scriptedServer((stream) => ok(stream, 5));
    const kv = new KvTxnClient({ endpoints: [noLeader.endpoint, healthy.endpoint], callTimeoutMs: 5_000 });
    try {
      const err = await kv.txn(spec).catch((e: Error) => e);
      expect(err).toBeInstanceOf(GRPCUnavailableError);
      expect((err as Error).message).toBe('14 UNAVAILABLE: etcdserver: no leader');
      expect((await kv.txn(spec)).revision).toBe(5);
      expect([noLeader.calls(), healthy.calls()]).toEqual([1, 1]);
    } finally {
      kv.close();
      await Promise.all([noLeader.close(), healthy.close()]);
    }
  });

  it('does not send a call again when its connection drops before the answer', async () => {
    const server = await scriptedServer((_stream, _call, session) => session.destroy());
    const kv = new KvTxnClient({ endpoints: [server.endpoint], callTimeoutMs: 5_000 });
    try {
      await expect(kv.txn(spec)).rejects.toThrow(/UNAVAILABLE.*may have been applied/);
      expect(server.calls()).toBe(1);
    } finally {
      kv.close();
      await server.close();
    }
  });

  it('keeps a connection that answers a ping after a deadline, and drops one that does not', async () => {
    let silent = true;
    const server = await scriptedServer((stream) => (silent ? undefined : ok(stream, 9)));
    const proxy = await freezableProxy(new URL(server.endpoint));
    const kv = new KvTxnClient({ endpoints: [proxy.endpoint], callTimeoutMs: 200, dialTimeoutMs: 300, minProbeIntervalMs: 100 });
    try {
      await expect(kv.txn(spec)).rejects.toBeInstanceOf(GRPCDeadlineExceededError);
      await new Promise((r) => setTimeout(r, 500)); // the ping was answered: the connection stays
      silent = false;
      expect((await kv.txn(spec)).revision).toBe(9);
      expect(proxy.connections()).toBe(1);

      proxy.freeze();
      await expect(kv.txn(spec)).rejects.toBeInstanceOf(GRPCDeadlineExceededError);
      await new Promise((r) => setTimeout(r, 500)); // no answer to the ping within the dial timeout: dropped
      expect((await kv.txn(spec)).revision).toBe(9);
      expect(proxy.connections()).toBe(2);
    } finally {
      kv.close();
      await proxy.close();
      await server.close();
    }
  });
});
