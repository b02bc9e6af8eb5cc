/**
 * One HTTP(S) exchange over node's http/https with a shared keep-alive agent. Returns the response
 * stream unread, so the same code serves both buffered calls and long-lived watches.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';

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
  }

  send(req: TransportRequest): Promise<IncomingMessage> {
    const headers = req.body ? { ...req.headers, 'content-length': String(req.body.length) } : req.headers;
    const options: http.RequestOptions = { ...this.target, method: req.method, path: this.prefix + req.path, headers, agent: this.agent, signal: req.signal };
    return new Promise((resolve, reject) => {
      const request = (this.secure ? https : http).request(options, resolve);
      request.on('error', reject);
      if (req.timeoutMs) {
        request.setTimeout(req.timeoutMs, () => request.destroy(new Error(`request timed out after ${req.timeoutMs}ms`)));
      }
      request.end(req.body);
    });
  }

  /** Drop idle keep-alive sockets so the process can exit. */
  close(): void {
    this.agent.destroy();
  }
}

/** The whole body. Plain 'data'/'end' listeners: an async iterator costs a promise per chunk. */
export function readBody(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    res.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    res.once('error', reject);
    // a socket torn down mid-body ends with 'aborted'/'close' rather than 'end' or 'error'
    res.once('close', () => {
      if (!res.complete) reject(new Error('the connection closed before the response body ended'));
    });
  });
}

export function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
