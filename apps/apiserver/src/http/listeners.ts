/**
 * The apiserver's listeners. The TLS one speaks HTTP/2 to clients that offer it by ALPN (kubectl,
 * client-go, our own client), as kube-apiserver does: one connection carries every request and
 * watch of a client, and the answers that are ready together leave in one TLS write. Clients that
 * do not offer it, and upgrades (exec's WebSocket, which kubectl opens over HTTP/1.1), get HTTP/1.1.
 * The loopback plain-HTTP listener is HTTP/1.1 only.
 */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { Http2ServerRequest, Http2ServerResponse, ServerHttp2Session, ServerHttp2Stream } from 'node:http2';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Handlers are written against node:http's request and response. HTTP/2's compatibility objects
 * offer the same members the handlers use (headers, url, method, writeHead, write, end, cork,
 * writableLength, 'close', 'drain'), with one difference the handlers heed: a stream the client
 * cancels reports writableFinished, so "answered in full" is read from writableEnded.
 */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface Listener {
  readonly port: number;
  /** stop accepting, then end every open connection (watches included) */
  close(): Promise<void>;
}

/** Kubernetes' idle keep-alive; longer than common proxies' 60 s so they hang up first */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/**
 * nghttp2 refuses every new stream of a connection once the bytes queued on it pass this (10 MB by
 * default). One client's watches and lists share its connection, and each watch may fall up to
 * 32 MB behind before it is dropped (handlers/watch.ts): a low cap would let a client's backlog
 * refuse its own lease renewals, which over HTTP/1.1 had sockets of their own.
 */
const MAX_SESSION_MEMORY_MB = 4096;

export interface TlsFiles {
  cert: string;
  key: string;
  ca: string;
}

export interface ListenOptions {
  handler: RequestHandler;
  onUpgrade: UpgradeHandler;
  port: number;
  host: string;
}

export async function listenSecure(tls: TlsFiles, { handler, onUpgrade, port, host }: ListenOptions): Promise<Listener> {
  const server = createSecureServer(
    { ...tls, allowHTTP1: true, maxSessionMemory: MAX_SESSION_MEMORY_MB },
    handler as unknown as (req: Http2ServerRequest, res: Http2ServerResponse) => void,
  );
  // read by the HTTP/1.1 fallback's connection handling, which the HTTP/2 server lends it
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('upgrade', onUpgrade);
  server.on('session', closeWhenIdle);
  const sockets = trackSockets(server);
  return { port: await listen(server, port, host), close: () => closeServer(server, sockets) };
}

/**
 * An HTTP/2 connection with no stream open and nothing read or written for the keep-alive time is
 * closed, as HTTP/1.1's keepAliveTimeout closes idle sockets: a client that vanished (its host gone)
 * would otherwise hold it for good. Live clients ping every 30 s; an open watch is never idle-closed.
 */
function closeWhenIdle(session: ServerHttp2Session): void {
  let open = 0;
  session.on('stream', (stream: ServerHttp2Stream) => {
    open++;
    stream.once('close', () => open--);
  });
  session.setTimeout(KEEP_ALIVE_TIMEOUT_MS, () => {
    if (open === 0) session.close();
  });
}

export async function listenPlain({ handler, onUpgrade, port, host }: ListenOptions): Promise<Listener> {
  const server = createHttpServer(handler);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('upgrade', onUpgrade);
  const sockets = trackSockets(server);
  return { port: await listen(server, port, host), close: () => closeServer(server, sockets) };
}

/**
 * The HTTP/2 server has no closeAllConnections(), so both listeners keep their own books: of the
 * TCP sockets, which covers connections still in their TLS handshake.
 */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
