/**
 * etcd's KV.Txn as a bare gRPC unary call over node:http2, for the Store's writes: etcd-codec's
 * bytes in a 5-byte gRPC frame, `grpc-status` from the trailers. etcd3 reaches the same RPC through
 * its connection pool, cockatiel policies, grpc-js's call stack and proto-loader's object conversion:
 * about 0.4 ms of client CPU per call against 0.15 ms here, and grpc-js alone with this codec still
 * 0.35 (bench/etcd-txn.ts), on the apiserver's hottest path. etcd3 keeps everything else (reads,
 * watches, leases, elections, compaction).
 *
 * What grpc-js did and this does itself (connection upkeep in etcd-endpoint.ts, status codes in grpc-status.ts):
 *   - one HTTP/2 connection per endpoint, opened on first use and replaced when it closes, fails,
 *     or is told to go away (GOAWAY: the calls already on it finish there);
 *   - calls go to one endpoint; one that cannot be connected to is passed over for the next, and
 *     not tried again for a second (as etcd3's circuit breaker did); a call answered UNAVAILABLE
 *     (the member has no leader, say) moves later calls to the next endpoint;
 *   - a deadline per call, sent as `grpc-timeout` for etcd and enforced here too; a connection
 *     with a call past its deadline is pinged, and dropped if the ping is not answered;
 *   - the process is not kept alive by an idle connection;
 *   - `https://` endpoints get TLS with the system's CAs, as etcd3 gave them (no test covers it).
 * A call is sent again only when it provably was not processed (no connection; a stream refused,
 * as after a GOAWAY): a write retried after a dropped connection or a deadline may already have
 * committed (see FAULT_HANDLING in store.ts). Errors are etcd3's error classes (`castGrpcError`),
 * so callers see what they saw before.
 */
import http2 from 'node:http2';
import { installFastAsyncResourceBind } from '@tugboat/api';
import { decodeTxnResponse, encodeTxnRequest } from './etcd-codec.js';
import type { TxnRequestSpec, TxnResult } from './etcd-codec.js';
import { MIN_PROBE_INTERVAL_MS, closedError, endpointsOf } from './etcd-endpoint.js';
import type { Conn, Endpoint } from './etcd-endpoint.js';
import type { CallStatus } from './grpc-status.js';
import { DEADLINE_EXCEEDED, INTERNAL, UNAVAILABLE, codeOfHttpStatus, grpcError, recordCallStatus } from './grpc-status.js';

export interface KvTxnOptions {
  /** `http://host:port` or `https://host:port` (all of one kind), as etcd3 takes them */
  endpoints: readonly string[];
  /** deadline of each call */
  callTimeoutMs: number;
  /** how long connecting to an endpoint may take before the next is tried; default 5 s */
  dialTimeoutMs?: number;
  /** the least time between two pings of one connection after missed deadlines; default 10 s */
  minProbeIntervalMs?: number;
}

const FRAME_HEADER = 5;
const { NGHTTP2_CANCEL, NGHTTP2_REFUSED_STREAM } = http2.constants;

// http2 request() runs Node 20's costly AsyncResource.bind once per call (see the fix's comment)
installFastAsyncResourceBind();

/** Why a stream ended without an answer that counts, when nothing was processed and it may go again. */
const NOT_SENT = Symbol('not sent');

export class KvTxnClient {
  private readonly endpoints: Endpoint[];
  private readonly callTimeoutMs: number;
  private readonly timeoutHeader: string;
  /** the endpoint calls go to */
  private current = 0;
  private closed = false;

  constructor(opts: KvTxnOptions) {
    this.endpoints = endpointsOf(opts.endpoints, opts.dialTimeoutMs ?? 5_000, opts.minProbeIntervalMs ?? MIN_PROBE_INTERVAL_MS);
    this.callTimeoutMs = opts.callTimeoutMs;
    this.timeoutHeader = `${opts.callTimeoutMs}m`;
  }

  /** One Txn. */
  txn(spec: TxnRequestSpec): Promise<TxnResult> {
    if (this.closed) return Promise.reject(closedError());
    const frame = encodeTxnRequest(spec, FRAME_HEADER);
    frame[0] = 0; // not compressed
    frame.writeUInt32BE(frame.length - FRAME_HEADER, 1);
    const deadline = Date.now() + this.callTimeoutMs;
    const i = this.current;
    const conn = this.endpoints[i]!.ready();
    if (conn) return this.send(i, conn, frame, deadline);
    return this.pickThenSend(frame, deadline, 0);
  }

  /** Closes the connections once the calls on them are done; new calls are refused. */
  close(): void {
    this.closed = true;
    for (const e of this.endpoints) e.close();
  }

  private async pickThenSend(frame: Buffer, deadline: number, attempt: number): Promise<TxnResult> {
    const n = this.endpoints.length;
    if (attempt > n) throw grpcError(UNAVAILABLE, `etcd: the call was refused ${attempt} times; it was not applied`);
    let last: Error | undefined;
    for (let tried = 0; tried < n; tried++) {
      const i = this.current;
      const endpoint = this.endpoints[i]!;
      const conn = await endpoint.connect(deadline).catch((err: Error) => void (last = err));
      if (this.closed) throw closedError();
      if (conn) return this.send(i, conn, frame, deadline, attempt);
      if (Date.now() >= deadline) throw grpcError(DEADLINE_EXCEEDED, `${last?.message}; the write was not sent`);
      this.passOver(i);
    }
    throw grpcError(UNAVAILABLE, `etcd: no endpoint reachable (${this.endpoints.map((e) => e.url).join(', ')}; last: ${last?.message}); the write was not sent`);
  }

  /** Later calls go to the next endpoint, unless another call moved them already. */
  private passOver(i: number): void {
    if (this.current === i) this.current = (i + 1) % this.endpoints.length;
  }

  // eslint-disable-next-line max-params -- the hot path: no option object per call
  private send(i: number, conn: Conn, frame: Buffer, deadline: number, attempt = 0): Promise<TxnResult> {
    const endpoint = this.endpoints[i]!;
    const stream = endpoint.request(conn, {
      ':method': 'POST',
      ':path': '/etcdserverpb.KV/Txn',
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-timeout': attempt === 0 ? this.timeoutHeader : `${Math.max(1, deadline - Date.now())}m`,
    });
    if (!stream) return this.pickThenSend(frame, deadline, attempt + 1);
    return new Promise((resolve, reject) => {
      let streamError: Error | undefined;
      let chunks: Buffer | Buffer[] | undefined;
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        stream.close(NGHTTP2_CANCEL);
        endpoint.probe(conn);
        reject(grpcError(DEADLINE_EXCEEDED, `Deadline exceeded after ${this.callTimeoutMs} ms (etcd at ${endpoint.url}; not retried, the write may have been applied)`));
      }, deadline - Date.now());
      const call = recordCallStatus(stream);
      stream.on('data', (chunk: Buffer) => {
        if (chunks === undefined) chunks = chunk;
        else if (Array.isArray(chunks)) chunks.push(chunk);
        else chunks = [chunks, chunk];
      });
      stream.on('error', (err) => (streamError = err));
      stream.on('close', () => {
        endpoint.release(conn);
        if (done) return;
        done = true;
        clearTimeout(timer);
        const outcome = this.outcome(i, { ...call, streamError, rstCode: stream.rstCode, chunks });
        if (outcome === NOT_SENT) resolve(this.pickThenSend(frame, deadline, attempt + 1));
        else if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      });
      stream.end(frame);
    });
  }

  private outcome(
    i: number,
    a: CallStatus & { streamError?: Error; rstCode?: number; chunks: Buffer | Buffer[] | undefined },
  ): TxnResult | Error | typeof NOT_SENT {
    const where = `etcd at ${this.endpoints[i]!.url}`;
    if (a.status === 0) {
      const body = a.chunks === undefined ? Buffer.alloc(0) : Array.isArray(a.chunks) ? Buffer.concat(a.chunks) : a.chunks;
      if (body.length < FRAME_HEADER || body[0] !== 0 || body.readUInt32BE(1) !== body.length - FRAME_HEADER) {
        return grpcError(INTERNAL, `${where}: not one uncompressed gRPC message in the answer (${body.length} bytes)`);
      }
      try {
        return decodeTxnResponse(body.subarray(FRAME_HEADER));
      } catch (err) {
        return grpcError(INTERNAL, `${where}: ${(err as Error).message}`);
      }
    }
    if (a.status !== undefined) {
      if (a.status === UNAVAILABLE) this.passOver(i);
      return grpcError(a.status, a.message ?? '');
    }
    // no gRPC status: the stream ended early
    if (a.rstCode === NGHTTP2_REFUSED_STREAM || (a.streamError as { code?: string } | undefined)?.code === 'ERR_HTTP2_OUT_OF_STREAMS') return NOT_SENT;
    if (a.httpStatus !== undefined && a.httpStatus !== 200) return grpcError(codeOfHttpStatus(a.httpStatus), `${where}: HTTP status ${a.httpStatus}`);
    this.passOver(i);
    const why = a.streamError?.message ?? (a.rstCode ? `stream reset (code ${a.rstCode})` : 'connection lost');
    return grpcError(UNAVAILABLE, `${where}: ${why} before the answer (not retried, the write may have been applied)`);
  }
}
