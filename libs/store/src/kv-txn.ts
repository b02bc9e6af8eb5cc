/**
 * etcd's KV.Txn as a bare gRPC unary call over node:http2, for the Store's writes: etcd-codec's
 * bytes in a 5-byte gRPC frame, `grpc-status` from the trailers. etcd3 reaches the same RPC through
 * its connection pool, cockatiel policies, grpc-js's call stack and proto-loader's object conversion:
 * about 0.4 ms of client CPU per call against 0.15 ms here, and grpc-js alone with this codec still
 * 0.35 (bench/etcd-txn.ts), on the apiserver's hottest path. etcd3 keeps everything else (reads,
 * watches, leases, elections, compaction).
 *
 * What grpc-js did and this does itself:
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
import type { ClientHttp2Session, ClientHttp2Stream, IncomingHttpHeaders } from 'node:http2';
import { installFastAsyncResourceBind } from '@tugboat/api';
import { castGrpcError } from 'etcd3';
import { decodeTxnResponse, encodeTxnRequest } from './etcd-codec.js';
import type { TxnRequestSpec, TxnResult } from './etcd-codec.js';

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

// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html) used here
const CODE_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];
const UNKNOWN = 2;
const DEADLINE_EXCEEDED = 4;
const INTERNAL = 13;
const UNAVAILABLE = 14;
const PERMISSION_DENIED = 7;
const UNIMPLEMENTED = 12;
const UNAUTHENTICATED = 16;

/** After a failed connection attempt, an endpoint is passed over for this long. */
const RETRY_CONNECT_AFTER_MS = 1_000;
/** A session is retired (new calls open another) well before HTTP/2's 2^31 stream ids run out. */
const MAX_STREAMS_PER_SESSION = 2 ** 30;
const FRAME_HEADER = 5;
/** etcd's server keepalive policy tolerates a ping every 5 s (--grpc-keepalive-min-time), no more */
const MIN_PROBE_INTERVAL_MS = 10_000;
const { NGHTTP2_CANCEL, NGHTTP2_REFUSED_STREAM } = http2.constants;

// http2 request() runs Node 20's costly AsyncResource.bind once per call (see the fix's comment)
installFastAsyncResourceBind();

/** An HTTP status without a gRPC status, as gRPC maps it (doc/http-grpc-status-mapping.md). */
function codeOfHttpStatus(status: number): number {
  switch (status) {
    case 400:
      return INTERNAL;
    case 401:
      return UNAUTHENTICATED;
    case 403:
      return PERMISSION_DENIED;
    case 404:
      return UNIMPLEMENTED;
    case 429:
    case 502:
    case 503:
    case 504:
      return UNAVAILABLE;
    default:
      return UNKNOWN;
  }
}

/** The error etcd3 would have thrown for this status (its classes: GRPCUnavailableError, …). */
export function grpcError(code: number, details: string): Error {
  return castGrpcError(Object.assign(new Error(`${code} ${CODE_NAMES[code] ?? 'UNKNOWN'}: ${details}`), { code, details }));
}

const closedError = (): Error => new Error('etcd: the store is closed');

/** grpc-message is percent-encoded. */
function grpcMessage(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v.join(', ') : (v ?? '');
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An HTTP/2 session to an endpoint, with the counts its upkeep needs. */
interface Conn {
  readonly session: ClientHttp2Session;
  /** streams started on it */
  streams: number;
  /** streams open on it: the process is kept alive while there are any */
  active: number;
  probing: boolean;
  /** when it was last pinged: etcd answers pings closer than 5 s apart with GOAWAY too_many_pings */
  probedAt: number;
}

/** One etcd endpoint and its current HTTP/2 session. */
class Endpoint {
  /** the connected session new calls go to */
  private conn: Conn | undefined;
  private connecting: Promise<Conn> | undefined;
  private lastFailure: { at: number; error: Error } | undefined;
  private closed = false;

  constructor(
    readonly url: string,
    private readonly dialTimeoutMs: number,
    private readonly minProbeIntervalMs: number,
  ) {}

  /** The connected session, if there is one to use now. */
  ready(): Conn | undefined {
    return this.conn;
  }

  /** A connected session, opening one if needed; rejects (nothing was sent) when the endpoint cannot be reached. */
  connect(deadline: number): Promise<Conn> {
    if (this.conn) return Promise.resolve(this.conn);
    if (this.closed) return Promise.reject(closedError());
    if (this.lastFailure && Date.now() - this.lastFailure.at < RETRY_CONNECT_AFTER_MS) return Promise.reject(this.lastFailure.error);
    const connecting = (this.connecting ??= this.open());
    if (deadline - Date.now() >= this.dialTimeoutMs) return connecting;
    // a call with less time left than the dial timeout stops waiting at its deadline; the attempt goes on
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connecting to ${this.url} did not finish before the call's deadline`)), Math.max(0, deadline - Date.now()));
      connecting.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }

  private open(): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const session = http2.connect(this.url, { maxSessionMemory: 64, settings: { enablePush: false, initialWindowSize: 1 << 20 } });
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.connecting = undefined;
        this.lastFailure = { at: Date.now(), error };
        session.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`connecting to ${this.url} took over ${this.dialTimeoutMs} ms`)), this.dialTimeoutMs);
      session.once('connect', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.connecting = undefined;
        if (this.closed) {
          session.destroy();
          return reject(closedError());
        }
        this.lastFailure = undefined;
        const conn: Conn = { session, streams: 0, active: 0, probing: false, probedAt: 0 };
        this.conn = conn;
        session.setLocalWindowSize(16 << 20);
        session.unref(); // ref'd again while calls are on it
        session.once('goaway', () => this.retire(conn));
        session.once('close', () => this.retire(conn));
        resolve(conn);
      });
      // before 'connect': the attempt failed; after: the session ends ('close' follows) and so do the streams on it
      session.on('error', fail);
      session.once('close', () => fail(new Error(`connection to ${this.url} closed`)));
    });
  }

  /** New calls go to a new session; the calls on this one finish there. */
  private retire(conn: Conn): void {
    if (this.conn === conn) this.conn = undefined;
    if (!conn.session.closed && !conn.session.destroyed) conn.session.close();
  }

  /** Starts a stream; undefined when the session refused to (it is then retired: nothing was sent). */
  request(conn: Conn, headers: http2.OutgoingHttpHeaders): ClientHttp2Stream | undefined {
    if (++conn.streams >= MAX_STREAMS_PER_SESSION) this.retire(conn);
    let stream: ClientHttp2Stream;
    try {
      stream = conn.session.request(headers, { endStream: false });
    } catch {
      this.retire(conn); // closed or going away since it was picked
      return undefined;
    }
    if (conn.active++ === 0) conn.session.ref();
    return stream;
  }

  /** A stream from `request` closed. */
  release(conn: Conn): void {
    if (--conn.active === 0 && !conn.session.destroyed) conn.session.unref();
  }

  /** A call on `conn` passed its deadline: drop the session unless it still answers a ping. */
  probe(conn: Conn): void {
    const { session } = conn;
    if (conn.probing || session.destroyed || Date.now() - conn.probedAt < this.minProbeIntervalMs) return;
    conn.probing = true;
    conn.probedAt = Date.now();
    const dead = setTimeout(() => session.destroy(), this.dialTimeoutMs);
    dead.unref();
    const answered = (err: Error | null): void => {
      conn.probing = false;
      clearTimeout(dead);
      if (err) session.destroy();
    };
    try {
      if (!session.ping(answered)) answered(null); // pings are outstanding already: no verdict
    } catch (err) {
      answered(err as Error);
    }
  }

  close(): void {
    this.closed = true;
    const { conn } = this;
    this.conn = undefined;
    conn?.session.close(); // calls in flight finish (each has a deadline), then the socket closes
  }
}

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
    if (opts.endpoints.length === 0) throw new Error('etcd: no endpoints');
    const secure = opts.endpoints.filter((e) => e.startsWith('https:')).length;
    if (secure > 0 && secure < opts.endpoints.length) throw new Error('etcd: endpoints mix https and http');
    const dial = opts.dialTimeoutMs ?? 5_000;
    // etcd3 takes `host:port` too, as plain HTTP
    this.endpoints = opts.endpoints.map((e) => new Endpoint(/^https?:\/\//.test(e) ? e : `http://${e}`, dial, opts.minProbeIntervalMs ?? MIN_PROBE_INTERVAL_MS));
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
      let status: number | undefined;
      let message: string | undefined;
      let httpStatus: number | undefined;
      let streamError: Error | undefined;
      let chunks: Buffer | Buffer[] | undefined;
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        stream.close(NGHTTP2_CANCEL);
        endpoint.probe(conn);
        reject(grpcError(DEADLINE_EXCEEDED, `Deadline exceeded after ${this.callTimeoutMs} ms (etcd at ${endpoint.url}; not retried, the write may have been applied)`));
      }, deadline - Date.now());
      const trailers = (h: IncomingHttpHeaders): void => {
        if (h['grpc-status'] === undefined) return;
        status = Number(h['grpc-status']);
        message = grpcMessage(h['grpc-message']);
      };
      stream.on('response', (h) => {
        httpStatus = Number(h[':status']);
        trailers(h); // a trailers-only answer (an error) carries its status in the headers
      });
      stream.on('trailers', trailers);
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
        const outcome = this.outcome(i, { status, message, httpStatus, streamError, rstCode: stream.rstCode, chunks });
        if (outcome === NOT_SENT) resolve(this.pickThenSend(frame, deadline, attempt + 1));
        else if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      });
      stream.end(frame);
    });
  }

  private outcome(
    i: number,
    a: { status?: number; message?: string; httpStatus?: number; streamError?: Error; rstCode?: number; chunks: Buffer | Buffer[] | undefined },
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
