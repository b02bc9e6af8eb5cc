/**
 * HTTP to the Docker engine's unix socket with `node:http`: JSON calls, streamed responses and the
 * hijacked connection of `exec start`. One keep-alive agent per transport (the engine keeps
 * connections open, so a sync's several calls do not each pay for a new connection); close()
 * destroys it and every socket it holds.
 */
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { text } from 'node:stream/consumers';

export const DEFAULT_SOCKET_PATH = '/var/run/docker.sock';
export const API_VERSION = 'v1.41';

/** An engine error: its HTTP status and the engine's own message (`{"message": …}`), nothing added. */
export class EngineError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export type Query = Record<string, string | number | boolean | object | undefined>;

/** Pure: the query string (with its `?`) as the engine reads it; objects (filters) are JSON, undefined is left out. */
export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Pure: an EngineError from an error answer's status and body (JSON with `message`, or plain text). */
export function engineErrorFrom(statusCode: number, body: string): EngineError {
  let message = body.trim();
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed?.message === 'string') message = parsed.message;
  } catch {
    // not JSON: the body as it came
  }
  return new EngineError(statusCode, message || http.STATUS_CODES[statusCode] || `HTTP ${statusCode}`);
}

export interface RequestOptions {
  query?: Query;
  /** sent as JSON */
  body?: unknown;
  signal?: AbortSignal;
}

export class EngineHttp {
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(
    readonly socketPath = DEFAULT_SOCKET_PATH,
    private readonly apiVersion = API_VERSION,
  ) {}

  /** A call whose answer is JSON (or empty: 204, 304); error statuses reject with EngineError. */
  async json<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.stream(method, path, opts);
    const body = await text(res);
    return (body ? JSON.parse(body) : undefined) as T;
  }

  /** The whole answer as bytes (e.g. logs without follow). */
  async buffer(method: string, path: string, opts: RequestOptions = {}): Promise<Buffer> {
    const res = await this.stream(method, path, opts);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The answer as a stream (events, followed logs, pull progress); the caller destroys it when done. */
  stream(method: string, path: string, opts: RequestOptions = {}): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = http.request(this.requestOptions(method, path, opts), (res) => {
        const status = res.statusCode ?? 0;
        if (status < 400) return resolve(res);
        text(res).then((body) => reject(engineErrorFrom(status, body)), reject);
      });
      req.on('error', reject);
      req.end(this.encode(opts.body));
    });
  }

  /**
   * POST with `Upgrade: tcp`: the engine answers 101 and the socket becomes the raw stream (exec
   * start). Its own connection, outside the pool: the caller owns the socket and destroys it.
   */
  upgrade(path: string, opts: RequestOptions = {}): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      const req = http.request({
        ...this.requestOptions('POST', path, opts),
        agent: false,
        headers: { ...this.headers(opts.body), Connection: 'Upgrade', Upgrade: 'tcp' },
      });
      req.on('upgrade', (_res, socket, head) => {
        if (head.length) socket.unshift(head);
        resolve(socket);
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 400) text(res).then((body) => reject(engineErrorFrom(status, body)), reject);
        else {
          res.destroy();
          reject(new Error(`the engine did not upgrade the connection (HTTP ${status})`));
        }
      });
      req.on('error', reject);
      req.end(this.encode(opts.body));
    });
  }

  /** Destroys the pooled connections; streams handed out are their callers' to destroy. */
  close(): void {
    this.agent.destroy();
  }

  private requestOptions(method: string, path: string, opts: RequestOptions): http.RequestOptions {
    return {
      socketPath: this.socketPath,
      agent: this.agent,
      method,
      path: `/${this.apiVersion}${path}${queryString(opts.query)}`,
      headers: this.headers(opts.body),
      signal: opts.signal,
    };
  }

  private headers(body: unknown): http.OutgoingHttpHeaders {
    return body === undefined ? {} : { 'Content-Type': 'application/json' };
  }

  private encode(body: unknown): string | undefined {
    return body === undefined ? undefined : JSON.stringify(body);
  }
}
