/**
 * One HTTP/2 connection to the apiserver, shared by every request of a Transport, as client-go
 * shares one per server: requests become streams, and the responses and watch events that arrive
 * together leave the server in one TLS write instead of one per socket.
 *
 * The protocol is chosen by ALPN when the connection opens: a server that does not pick `h2` is
 * spoken to over HTTP/1.1 from then on (`Negotiated` says which). A session that closes, fails or
 * stops answering pings is dropped, and the next request opens a new one; requests in flight on it
 * fail as they would on a dropped socket, and callers retry as they do then.
 */
import { installFastAsyncResourceBind } from '@tugboat/api';
import http2 from 'node:http2';
import type { ClientHttp2Session } from 'node:http2';
import { isIP } from 'node:net';
import tls from 'node:tls';

export interface H2Target {
  hostname: string;
  port: number;
  ca?: Buffer | string | undefined;
  cert?: Buffer | string | undefined;
  key?: Buffer | string | undefined;
  rejectUnauthorized: boolean;
}

export type Negotiated = { protocol: 'h2'; session: ClientHttp2Session } | { protocol: 'http/1.1' };

/** A list of 10,000 pods is ~20 MB: with HTTP/2's default 64 KiB windows it would crawl. */
const STREAM_WINDOW_BYTES = 4 * 1024 * 1024;
const SESSION_WINDOW_BYTES = 64 * 1024 * 1024;
/** nghttp2's default cap (10 MB) counts buffered frames: a big list in flight would trip it */
const MAX_SESSION_MEMORY_MB = 256;
/**
 * A connection that has received nothing for this long is pinged, and dropped when the ping goes
 * unanswered this long (client-go's ReadIdleTimeout and PingTimeout): a busy connection is never
 * pinged, so a moment of apiserver overload cannot drop every client at once.
 */
export interface Liveness {
  idleMs: number;
  pingTimeoutMs: number;
}
export const DEFAULT_LIVENESS: Liveness = { idleMs: 30_000, pingTimeoutMs: 15_000 };
/** client-go's dial timeout: a host that drops SYNs would otherwise hold requests for minutes */
const CONNECT_TIMEOUT_MS = 30_000;

// http2 request() runs Node 20's costly AsyncResource.bind once per request (see the fix's comment)
installFastAsyncResourceBind();

export class H2Connector {
  private current: Promise<Negotiated> | undefined;
  /** the session `current` resolved to, to notice one that died before its 'close' arrived */
  private live: ClientHttp2Session | undefined;
  /** once a server has picked HTTP/1.1 it is not asked again */
  private http1 = false;
  private closed = false;
  /** open streams per session: a session is ref'd while it has any */
  private readonly active = new WeakMap<ClientHttp2Session, number>();

  constructor(
    private readonly target: H2Target,
    private readonly liveness: Liveness = DEFAULT_LIVENESS,
  ) {}

  /** The live session (opening one if needed), or word that the server speaks HTTP/1.1 only. */
  negotiate(): Promise<Negotiated> {
    if (this.closed) return Promise.reject(new Error('the client is closed'));
    if (this.http1) return Promise.resolve({ protocol: 'http/1.1' });
    if (this.live && (this.live.destroyed || this.live.closed)) this.forget(this.live);
    this.current ??= this.open().catch((err: unknown) => {
      this.current = undefined;
      throw err;
    });
    return this.current;
  }

  /** The session when one is open and usable: the common case, answered without a promise. */
  established(): ClientHttp2Session | undefined {
    const live = this.live;
    return live && !live.destroyed && !live.closed ? live : undefined;
  }

  /** Keeps the process alive while a stream is open, and only then (an idle client must not hold it). */
  streamOpened(session: ClientHttp2Session): () => void {
    const open = this.active.get(session) ?? 0;
    this.active.set(session, open + 1);
    if (open === 0) session.ref();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.active.get(session) ?? 1) - 1;
      this.active.set(session, left);
      if (left === 0 && !session.destroyed) session.unref();
    };
  }

  /** Requests still waiting for their answer fail with a clear error (see Transport.sendH2). */
  close(): void {
    this.closed = true;
    void this.current?.then((n) => (n.protocol === 'h2' ? n.session.destroy(new Error('the client was closed')) : undefined), () => undefined);
    this.current = undefined;
    this.live = undefined;
  }

  /** New requests go to a new session: this one closed, failed, was told to go away or stopped answering. */
  forget(session: ClientHttp2Session): void {
    if (this.live !== session) return;
    this.live = undefined;
    this.current = undefined;
  }

  private async open(): Promise<Negotiated> {
    const socket = await connectTls(this.target);
    if (socket.alpnProtocol !== 'h2') {
      socket.destroy();
      this.http1 = true;
      return { protocol: 'http/1.1' };
    }
    const authority = `https://${this.target.hostname.includes(':') ? `[${this.target.hostname}]` : this.target.hostname}:${this.target.port}`;
    const session = http2.connect(authority, {
      createConnection: () => socket,
      settings: { initialWindowSize: STREAM_WINDOW_BYTES },
      maxSessionMemory: MAX_SESSION_MEMORY_MB,
    });
    session.setLocalWindowSize(SESSION_WINDOW_BYTES);
    const drop = (): void => {
      clearInterval(pinger);
      this.forget(session);
    };
    session.on('close', drop);
    session.on('goaway', drop);
    // a session error also closes it; the streams in flight get their own errors
    session.on('error', drop);
    const pinger = setInterval(pingWhenSilent(session, this.liveness), this.liveness.idleMs);
    pinger.unref();
    session.unref();
    if (this.closed) session.destroy(new Error('the client was closed'));
    else this.live = session;
    return { protocol: 'h2', session };
  }
}

function connectTls(t: H2Target): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: t.hostname,
      port: t.port,
      // SNI names hosts, never addresses; the certificate is still checked against the address
      servername: isIP(t.hostname) ? undefined : t.hostname,
      ca: t.ca,
      cert: t.cert,
      key: t.key,
      rejectUnauthorized: t.rejectUnauthorized,
      ALPNProtocols: ['h2', 'http/1.1'],
    });
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => socket.destroy(new Error(`connecting to ${t.hostname}:${t.port} timed out after ${CONNECT_TIMEOUT_MS} ms`)));
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** A connection whose peer vanished (a host powered off) would otherwise hang its watches for good. */
function pingWhenSilent(session: ClientHttp2Session, liveness: Liveness): () => void {
  let lastRead = -1;
  return () => {
    if (session.destroyed || session.closed) return;
    const read = session.socket.bytesRead;
    if (read !== lastRead) {
      lastRead = read; // something arrived since the last look: the peer is alive
      return;
    }
    const deadline = setTimeout(() => session.destroy(new Error(`the apiserver did not answer a ping within ${liveness.pingTimeoutMs} ms`)), liveness.pingTimeoutMs);
    deadline.unref();
    const sent = session.ping((err) => {
      clearTimeout(deadline);
      if (err && !session.destroyed) session.destroy(err);
    });
    if (!sent) clearTimeout(deadline);
  };
}
