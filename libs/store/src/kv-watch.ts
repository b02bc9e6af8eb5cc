/**
 * etcd's Watch as a bare gRPC stream over node:http2, for the Store's prefix watches: one HTTP/2
 * stream per watch, watch-codec's bytes in 5-byte gRPC frames, connections kept by etcd-endpoint.ts
 * (their own, apart from the writes'). etcd3's Watcher reached the same RPC through grpc-js and
 * protobufjs, with every revision a Long and then a string: ~5 % of the apiserver's CPU for each
 * pod bound (bench/README.md), on every write any watch cache sees.
 *
 * A stream that ends for any reason but a cancel from etcd (the connection dropped, etcd restarted,
 * an endpoint that went away) is reopened from `from()`, the revision after the last one its owner
 * was given, after a back-off of 100 ms doubling to 5 s; an endpoint that cannot be reached or
 * answers UNAVAILABLE is passed over for the next. A cancel from etcd (the start revision was
 * compacted, usually) ends the watch: `onCanceled`, once. The first `created` resolves `watch()`;
 * until then failures are retried the same way, as etcd3 did (a watch closed before that resolves
 * it too, with nothing more to come).
 */
import http2 from 'node:http2';
import type { ClientHttp2Stream } from 'node:http2';
import { MIN_PROBE_INTERVAL_MS, closedError, endpointsOf } from './etcd-endpoint.js';
import type { Endpoint } from './etcd-endpoint.js';
import type { Conn } from './etcd-endpoint.js';
import { FRAME_HEADER, FrameReader } from './grpc-frames.js';
import { UNAVAILABLE, codeOfHttpStatus, grpcError, recordCallStatus } from './grpc-status.js';
import { decodeWatchResponse, encodeWatchCreate } from './watch-codec.js';
import type { WatchResponseMessage } from './watch-codec.js';

export interface KvWatchOptions {
  /** `http://host:port` or `https://host:port`, as for the writes */
  endpoints: readonly string[];
  /** how long connecting to an endpoint may take before the next is tried; default 5 s */
  dialTimeoutMs?: number;
}

export interface WatchStreamHandlers {
  /** each response after etcd created the watch: events, or none (a progress notification) */
  onResponse(res: WatchResponseMessage): void;
  /** etcd ended the watch; nothing more is called */
  onCanceled(err: Error): void;
  /** a created stream dropped and is being reopened from `from()` (once, however many attempts that takes) */
  onDropped(err: Error): void;
}

export interface WatchStreamSpec {
  key: Uint8Array;
  rangeEnd: Uint8Array;
  /** the revision to (re)start from */
  from(): number;
}

export interface WatchStream {
  /** Ends the watch: its stream is reset (etcd drops the watcher with it); nothing more is called. */
  close(): void;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;
const { NGHTTP2_CANCEL } = http2.constants;

export class KvWatchClient {
  private readonly endpoints: Endpoint[];
  private readonly open = new Set<WatchStream>();
  private current = 0;
  private closed = false;

  constructor(opts: KvWatchOptions) {
    this.endpoints = endpointsOf(opts.endpoints, opts.dialTimeoutMs ?? 5_000, MIN_PROBE_INTERVAL_MS);
  }

  /** A watch of [key, rangeEnd) from `spec.from()`, once etcd created it. */
  watch(spec: WatchStreamSpec, handlers: WatchStreamHandlers): Promise<WatchStream> {
    if (this.closed) return Promise.reject(closedError());
    return new Promise((resolve) => {
      const w = new EtcdWatch(this, spec, handlers, () => resolve(handle));
      const handle: WatchStream = {
        close: () => {
          this.open.delete(handle);
          w.close();
        },
      };
      this.open.add(handle);
      w.start();
    });
  }

  /** Ends every watch and closes the connections. */
  close(): void {
    this.closed = true;
    for (const w of [...this.open]) w.close();
    for (const e of this.endpoints) e.close();
  }

  /** @internal the endpoint watches go to now, and its index */
  pick(): { i: number; endpoint: Endpoint } {
    return { i: this.current, endpoint: this.endpoints[this.current]! };
  }

  /** @internal later (re)opens go to the next endpoint, unless another watch moved them already */
  passOver(i: number): void {
    if (this.current === i) this.current = (i + 1) % this.endpoints.length;
  }

  /** @internal */
  isClosed(): boolean {
    return this.closed;
  }
}

/** One watch: its current stream, and reopening it. */
class EtcdWatch {
  private stream: ClientHttp2Stream | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private everCreated = false;
  /** the current stream was created by etcd and has not dropped */
  private live = false;
  private over = false;

  constructor(
    private readonly client: KvWatchClient,
    private readonly spec: WatchStreamSpec,
    private readonly handlers: WatchStreamHandlers,
    private readonly onFirstCreated: () => void,
  ) {}

  start(): void {
    if (this.over) return;
    if (this.client.isClosed()) return this.close();
    const { i, endpoint } = this.client.pick();
    const conn = endpoint.ready();
    if (conn) return this.attach(i, endpoint, conn);
    // no deadline of its own: the endpoint's dial timeout bounds each attempt
    endpoint.connect(Number.POSITIVE_INFINITY).then(
      (c) => this.attach(i, endpoint, c),
      (err: Error) => {
        this.client.passOver(i);
        this.dropped(err);
      },
    );
  }

  close(): void {
    this.over = true;
    clearTimeout(this.retryTimer);
    this.stream?.close(NGHTTP2_CANCEL);
    this.settle(); // a watch closed before etcd created it still settles watch()
  }

  /** watch() resolves once: when etcd created the watch, or when it ended before that */
  private settle(): void {
    if (this.everCreated) return;
    this.everCreated = true;
    this.onFirstCreated();
  }

  private attach(i: number, endpoint: Endpoint, conn: Conn): void {
    if (this.over) return;
    const stream = endpoint.request(conn, { ':method': 'POST', ':path': '/etcdserverpb.Watch/Watch', 'content-type': 'application/grpc', te: 'trailers' });
    if (!stream) return this.dropped(new Error(`etcd at ${endpoint.url}: the connection would not take another stream`));
    this.stream = stream;
    const call = recordCallStatus(stream);
    let streamError: Error | undefined;
    let failed: Error | undefined;
    stream.on('error', (err) => (streamError = err));
    const frames = new FrameReader((msg) => {
      if (failed) return;
      let res: WatchResponseMessage;
      try {
        res = decodeWatchResponse(msg);
      } catch (err) {
        failed = err as Error;
        stream.close(NGHTTP2_CANCEL);
        return;
      }
      this.receive(res); // what the owner's handler throws is the owner's, not the stream's
    });
    stream.on('data', (chunk: Buffer) => {
      if (failed || this.over) return;
      const err = frames.push(chunk);
      if (err) {
        failed = err;
        stream.close(NGHTTP2_CANCEL);
      }
    });
    stream.on('close', () => {
      endpoint.release(conn);
      if (this.stream === stream) this.stream = undefined;
      if (this.over) return;
      // a message that cannot be read would be read again after a reopen: the owner relists instead
      if (failed) return this.cancel(new Error(`etcd at ${endpoint.url}: ${failed.message}`));
      const { status, message, httpStatus } = call;
      if (status === UNAVAILABLE) this.client.passOver(i);
      const why =
        status !== undefined && status !== 0 ? grpcError(status, message ?? '')
        : httpStatus !== undefined && httpStatus !== 200 ? grpcError(codeOfHttpStatus(httpStatus), `etcd at ${endpoint.url}: HTTP status ${httpStatus}`)
        : new Error(`etcd at ${endpoint.url}: the watch stream ended (${streamError?.message ?? (stream.rstCode ? `reset, code ${stream.rstCode}` : 'connection lost')})`);
      this.dropped(why);
    });
    const create = encodeWatchCreate({ key: this.spec.key, rangeEnd: this.spec.rangeEnd, startRevision: this.spec.from() }, FRAME_HEADER);
    create[0] = 0;
    create.writeUInt32BE(create.length - FRAME_HEADER, 1);
    stream.write(create);
  }

  private receive(res: WatchResponseMessage): void {
    if (this.over) return;
    if (res.canceled) {
      const reason = res.compactRevision > 0 ? `etcdserver: mvcc: required revision has been compacted (compacted at ${res.compactRevision})` : res.cancelReason || 'etcd canceled the watch';
      return this.cancel(new Error(reason));
    }
    if (res.created) {
      this.retryMs = FIRST_RETRY_MS;
      this.live = true;
      this.settle();
      // the created response's header is the store's revision now, not what this watch has seen
      if (res.events.length === 0) return;
    }
    this.handlers.onResponse(res);
  }

  private cancel(err: Error): void {
    if (this.over) return;
    this.close();
    this.handlers.onCanceled(err);
  }

  private dropped(err: Error): void {
    if (this.over) return;
    // once per stream lost, not once per failed attempt to reopen it (etcd down for a minute)
    if (this.live) {
      this.live = false;
      this.handlers.onDropped(err);
    }
    const wait = this.retryMs;
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    this.retryTimer = setTimeout(() => this.start(), wait);
  }
}
