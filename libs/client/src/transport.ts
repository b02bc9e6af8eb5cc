/**
 * One HTTP exchange with the apiserver. Returns the response body unread, so the same code serves
 * both buffered calls and long-lived watches. An https server is spoken to over HTTP/2 when it
 * offers it (one connection for everything, see h2-session.ts), else over HTTP/1.1 with a shared
 * keep-alive agent; plain http is HTTP/1.1.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ClientHttp2Session, ClientHttp2Stream } from 'node:http2';
import type { Readable } from 'node:stream';
import { H2Connector } from './h2-session.js';

export interface TransportOptions {
  server: string;
  ca?: Buffer | string | undefined;
  cert?: Buffer | string | undefined;
  key?: Buffer | string | undefined;
  insecureSkipTlsVerify?: boolean | undefined;
}

export interface TransportRequest {
  method: string;
  /** path plus query, relative to the server URL (which may carry a path prefix) */
  path: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
  signal?: AbortSignal | undefined;
  /** idle-socket timeout; watches pass none because a quiet watch is not a dead one */
  timeoutMs?: number | undefined;
}

/** A response whose body has not been read: the caller reads `body` or calls `destroy()`. */
export interface TransportResponse {
  httpVersion: '2.0' | '1.1';
  statusCode: number;
  /** lower-case names, HTTP/2 pseudo-headers left out */
  headers: IncomingHttpHeaders;
  body: Readable;
  destroy(): void;
}

/** A response read whole (a call's answer, not a watch). */
export interface BufferedResponse {
  statusCode: number;
  /** lower-case names, HTTP/2 pseudo-headers left out */
  readonly headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * An agent for the one server and TLS settings of its Transport. Node's https.Agent names each
 * request's socket pool by concatenating the TLS options, the CA's whole PEM included, and then
 * looks the pool up by that string: a kilobyte built and hashed per request (3 % of a busy
 * scheduler's CPU). Every request of a Transport has the same answer, so it is given once.
 */
class OneServerAgent extends https.Agent {
  override getName(): string {
    return 'server';
  }
}

export class Transport {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly secure: boolean;
  /** what every request shares, worked out once (a scheduler sends hundreds of binds a second) */
  private readonly target: Pick<http.RequestOptions, 'protocol' | 'hostname' | 'port'>;
  private readonly prefix: string;
  private readonly h2: H2Connector | undefined;

  constructor(opts: TransportOptions) {
    this.base = new URL(opts.server);
    this.secure = this.base.protocol === 'https:';
    if (!this.secure && this.base.protocol !== 'http:') throw new Error(`unsupported server URL ${opts.server}`);
    this.target = { protocol: this.base.protocol, hostname: this.base.hostname.replace(/^\[|\]$/g, ''), port: this.base.port || (this.secure ? 443 : 80) };
    this.prefix = this.base.pathname.replace(/\/+$/, '');
    this.agent = this.secure
      ? new OneServerAgent({
          keepAlive: true,
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          rejectUnauthorized: !opts.insecureSkipTlsVerify,
        })
      : new http.Agent({ keepAlive: true });
    this.h2 = this.secure
      ? new H2Connector({ hostname: this.target.hostname as string, port: Number(this.target.port), ca: opts.ca, cert: opts.cert, key: opts.key, rejectUnauthorized: !opts.insecureSkipTlsVerify })
      : undefined;
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const negotiated = await this.h2?.negotiate();
    return negotiated?.protocol === 'h2' ? this.sendH2(negotiated.session, req) : this.sendH1(req);
  }

  /**
   * One request and its whole response. Over an open HTTP/2 connection (every call but the first)
   * this is one promise and one set of stream listeners: a bind is the scheduler's busiest call,
   * and send() + readBody() cost it two of each and the connection's promise.
   */
  exchange(req: TransportRequest): Promise<BufferedResponse> {
    const session = this.h2?.established();
    return session ? this.exchangeH2(session, req) : this.exchangeNegotiating(req);
  }

  /** Drop the connection and idle keep-alive sockets so the process can exit. */
  close(): void {
    this.h2?.close();
    this.agent.destroy();
  }

  private sendH1(req: TransportRequest): Promise<TransportResponse> {
    const headers = req.body ? { ...req.headers, 'content-length': String(req.body.length) } : req.headers;
    const options: http.RequestOptions = { ...this.target, method: req.method, path: this.prefix + req.path, headers, agent: this.agent, signal: req.signal };
    return new Promise((resolve, reject) => {
      const request = (this.secure ? https : http).request(options, (res: IncomingMessage) =>
        resolve({ httpVersion: '1.1', statusCode: res.statusCode ?? 0, headers: res.headers, body: res, destroy: () => res.destroy() }),
      );
      request.on('error', reject);
      if (req.timeoutMs) {
        request.setTimeout(req.timeoutMs, () => request.destroy(new Error(`request timed out after ${req.timeoutMs}ms`)));
      }
      request.end(req.body);
    });
  }

  private async exchangeNegotiating(req: TransportRequest): Promise<BufferedResponse> {
    const negotiated = await this.h2?.negotiate();
    if (negotiated?.protocol === 'h2') return this.exchangeH2(negotiated.session, req);
    const res = await this.sendH1(req);
    return { statusCode: res.statusCode, headers: res.headers, body: await readBody(res) };
  }

  private sendH2(session: ClientHttp2Session, req: TransportRequest): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const stream = this.openStream(session, req, () => reject(closedUnanswered(stream)));
      stream.on('error', reject);
      stream.once('response', (raw) => {
        resolve({ httpVersion: '2.0', statusCode: Number(raw[':status']), headers: withoutPseudo(raw), body: stream, destroy: () => stream.destroy() });
      });
      if (req.body) stream.end(req.body);
    });
  }

  private exchangeH2(session: ClientHttp2Session, req: TransportRequest): Promise<BufferedResponse> {
    return new Promise((resolve, reject) => {
      let raw: IncomingHttpHeaders | undefined;
      const chunks: Buffer[] = [];
      const stream = this.openStream(session, req, () => reject(raw ? new Error('the connection closed before the response body ended') : closedUnanswered(stream)));
      stream.on('error', reject);
      stream.on('response', (headers) => (raw = headers));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (!raw) return; // no answer: 'close' rejects
        const answer = raw;
        const statusCode = Number(answer[':status']);
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        // Node ends a stream whose connection went away as if the answer were whole: the length tells
        // (except where it describes a body that is never sent: HEAD, 304)
        const length = answer['content-length'];
        const bodiless = req.method === 'HEAD' || statusCode === 304;
        if (length !== undefined && !bodiless && Number(length) !== body.length) {
          reject(new Error(`the connection closed before the response body ended (${body.length} of ${length} bytes)`));
          return;
        }
        let headers: IncomingHttpHeaders | undefined;
        resolve({
          statusCode,
          get headers() {
            return (headers ??= withoutPseudo(answer));
          },
          body,
        });
      });
      if (req.body) stream.end(req.body);
    });
  }

  /**
   * A request's stream, its timeout set, counted open until it closes. A stream that closes
   * unanswered (its session destroyed without an error, or reset with NO_ERROR) emits neither
   * 'response' nor 'error', so `onClose` rejects; after an answer that does nothing.
   */
  private openStream(session: ClientHttp2Session, req: TransportRequest, onClose: () => void): ClientHttp2Stream {
    const headers = { ':method': req.method, ':path': this.prefix + req.path, ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    const stream = session.request(headers, { endStream: !req.body, signal: req.signal });
    const closed = this.h2!.streamOpened(session);
    stream.once('close', () => {
      closed();
      onClose();
    });
    if (req.timeoutMs) stream.setTimeout(req.timeoutMs, () => stream.destroy(new Error(`request timed out after ${req.timeoutMs}ms`)));
    return stream;
  }
}

function closedUnanswered(stream: ClientHttp2Stream): Error {
  return new Error(`the connection closed before the apiserver answered (HTTP/2 stream reset code ${stream.rstCode ?? 0})`);
}

function withoutPseudo(raw: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const k in raw) if (k[0] !== ':') out[k] = raw[k];
  return out;
}

/** The whole body. Plain 'data'/'end' listeners: an async iterator costs a promise per chunk. */
export function readBody(res: TransportResponse): Promise<Buffer> {
  const body = res.body;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    body.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    body.once('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    body.once('error', reject);
    // a connection torn down mid-body ends with 'close' rather than 'end' or 'error'
    body.once('close', () => {
      if (!ended) reject(new Error('the connection closed before the response body ended'));
    });
  });
}

export function flatHeaders(res: Pick<TransportResponse, 'headers'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
