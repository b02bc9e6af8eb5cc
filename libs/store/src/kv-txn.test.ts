/** KvTxnClient alone, against scripted HTTP/2 servers and a freezable proxy (the Store's writes on a real etcd: store.test.ts). */
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GRPCDeadlineExceededError, GRPCUnavailableError } from 'etcd3';
import { KvTxnClient } from './kv-txn.js';
import { freezableProxy } from './testing/tcp-proxies.js';

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
