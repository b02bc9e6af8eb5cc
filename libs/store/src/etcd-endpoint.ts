/** One etcd endpoint for the Store's write client: its HTTP/2 connection, opened, kept and replaced. */
import http2 from 'node:http2';
import type { ClientHttp2Session, ClientHttp2Stream } from 'node:http2';

/** After a failed connection attempt, an endpoint is passed over for this long. */
const RETRY_CONNECT_AFTER_MS = 1_000;
/** A session is retired (new calls open another) well before HTTP/2's 2^31 stream ids run out. */
const MAX_STREAMS_PER_SESSION = 2 ** 30;
/** etcd's server keepalive policy tolerates a ping every 5 s (--grpc-keepalive-min-time), no more */
export const MIN_PROBE_INTERVAL_MS = 10_000;

export const closedError = (): Error => new Error('etcd: the store is closed');

/** An HTTP/2 session to an endpoint, with the counts its upkeep needs. */
export interface Conn {
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
export class Endpoint {
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

/**
 * The Endpoints for a client's URLs: `http://host:port` or `https://host:port`, all of one kind, or
 * `host:port` as plain HTTP (etcd3 takes that too).
 */
export function endpointsOf(urls: readonly string[], dialTimeoutMs: number, minProbeIntervalMs: number): Endpoint[] {
  if (urls.length === 0) throw new Error('etcd: no endpoints');
  const secure = urls.filter((e) => e.startsWith('https:')).length;
  if (secure > 0 && secure < urls.length) throw new Error('etcd: endpoints mix https and http');
  return urls.map((e) => new Endpoint(/^https?:\/\//.test(e) ? e : `http://${e}`, dialTimeoutMs, minProbeIntervalMs));
}
