/**
 * One HTTP exchange with the apiserver. Returns the response body unread, so the same code serves
 * both buffered calls and long-lived watches. An https server is spoken to over HTTP/2 when it
 * offers it (one connection for everything, see h2-session.ts), else over HTTP/1.1 with a shared
 * keep-alive agent; plain http is HTTP/1.1.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ClientHttp2Session } from 'node:http2';
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

  private sendH2(session: ClientHttp2Session, req: TransportRequest): Promise<TransportResponse> {
    const headers = { ':method': req.method, ':path': this.prefix + req.path, ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    return new Promise((resolve, reject) => {
      const stream = session.request(headers, { endStream: !req.body, signal: req.signal });
      stream.once('close', this.h2!.streamOpened(session));
      stream.on('error', reject);
      if (req.timeoutMs) stream.setTimeout(req.timeoutMs, () => stream.destroy(new Error(`request timed out after ${req.timeoutMs}ms`)));
      // a stream that closes unanswered (its session destroyed without an error, or reset with
      // NO_ERROR) emits neither 'response' nor 'error'; after an answer this reject does nothing
      stream.once('close', () => reject(new Error(`the connection closed before the apiserver answered (HTTP/2 stream reset code ${stream.rstCode ?? 0})`)));
      stream.once('response', (raw) => {
        const out: IncomingHttpHeaders = {};
        for (const k in raw) if (k[0] !== ':') out[k] = raw[k] as string | string[];
        resolve({ httpVersion: '2.0', statusCode: Number(raw[':status']), headers: out, body: stream, destroy: () => stream.destroy() });
      });
      if (req.body) stream.end(req.body);
    });
  }
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

export function flatHeaders(res: TransportResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
