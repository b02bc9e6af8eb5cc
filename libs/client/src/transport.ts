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

export class Transport {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly secure: boolean;

  constructor(opts: TransportOptions) {
    this.base = new URL(opts.server);
    this.secure = this.base.protocol === 'https:';
    if (!this.secure && this.base.protocol !== 'http:') throw new Error(`unsupported server URL ${opts.server}`);
    this.agent = this.secure
      ? new https.Agent({
          keepAlive: true,
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          rejectUnauthorized: !opts.insecureSkipTlsVerify,
        })
      : new http.Agent({ keepAlive: true });
  }

  send(req: TransportRequest): Promise<IncomingMessage> {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const options: http.RequestOptions = {
      protocol: this.base.protocol,
      hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
      port: this.base.port || (this.secure ? 443 : 80),
      method: req.method,
      path: prefix + req.path,
      headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
      agent: this.agent,
      signal: req.signal,
    };
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

export async function readBody(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
