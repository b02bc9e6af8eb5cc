/** A minimal keep-alive HTTP(S) client for the benchmarks: no retries, no redirects. */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { IncomingMessage } from 'node:http';

export interface Endpoint {
  /** http://127.0.0.1:port or https://127.0.0.1:port */
  base: string;
  agent: HttpAgent;
  headers: Record<string, string>;
}

export function endpoint(base: string, opts: { sockets: number; caPem?: string; token?: string }): Endpoint {
  const https = base.startsWith('https:');
  const agentOpts = { keepAlive: true, maxSockets: opts.sockets, maxFreeSockets: opts.sockets };
  return {
    base,
    agent: https ? new HttpsAgent({ ...agentOpts, ca: opts.caPem }) : new HttpAgent(agentOpts),
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
  };
}

const REQUEST_TIMEOUT_MS = 30_000;

export interface Response {
  status: number;
  body: string;
}

export interface Request {
  method: string;
  path: string;
  body?: string;
  /** of the body; default application/json */
  contentType?: string;
}

function start(ep: Endpoint, { method, path, body, contentType = 'application/json' }: Request) {
  const url = new URL(path, ep.base);
  const headers: Record<string, string | number> = { ...ep.headers, accept: 'application/json' };
  if (body !== undefined) Object.assign(headers, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const req = send(url, { method, agent: ep.agent, headers });
  return { req, done: () => req.end(body) };
}

/** One request; resolves with the whole body, rejects on a status ≥ 400 or a transport error. */
export function call(ep: Endpoint, r: Request): Promise<Response> {
  const { method, path } = r;
  return new Promise((resolve, reject) => {
    const { req, done } = start(ep, r);
    req.on('error', reject);
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${path}: no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    done();
  });
}

/** A streaming GET (a watch): resolves once the response headers arrived. */
export function stream(ep: Endpoint, path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const { req, done } = start(ep, { method: 'GET', path });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode}`));
      else resolve(res);
    });
    done();
  });
}
