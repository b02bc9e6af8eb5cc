/**
 * Connections the buffered RestClient cannot make: a response read as a stream (`logs -f`) and a
 * WebSocket (`exec`). Both authenticate exactly as the kubeconfig says (bearer token, client
 * certificate, CA); a refusal before the body or the upgrade becomes the server's ApiError.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { KubeConfig } from '@tugboat/client';
import { WebSocket } from 'ws';
import { errorFromBody } from '../errors.js';
import { CLIENT_VERSION } from '../version.js';

interface Endpoint {
  url: URL;
  headers: Record<string, string>;
  tls: https.RequestOptions;
}

function endpoint(config: KubeConfig, path: string): Endpoint {
  const base = config.cluster.server.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'user-agent': `tug/${CLIENT_VERSION}` };
  if (config.user.token) headers.authorization = `Bearer ${config.user.token}`;
  return {
    url: new URL(base + path),
    headers,
    tls: {
      ca: config.cluster.certificateAuthorityData,
      cert: config.user.clientCertificateData,
      key: config.user.clientKeyData,
      rejectUnauthorized: !config.cluster.insecureSkipTlsVerify,
    },
  };
}

async function readAll(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** GET `path`; resolves with the unread 2xx response (the caller owns it), rejects with the server's error. */
export function getStream(config: KubeConfig, path: string, signal?: AbortSignal): Promise<IncomingMessage> {
  const { url, headers, tls } = endpoint(config, path);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, { method: 'GET', headers: { ...headers, accept: '*/*' }, signal, ...(secure ? tls : {}) }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) return resolve(res);
      readAll(res).then((body) => reject(errorFromBody(status, body)), reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Open a WebSocket on `path` offering one subprotocol; resolves once it is open. */
export function openWebSocket(config: KubeConfig, path: string, protocol: string): Promise<WebSocket> {
  const { url, headers, tls } = endpoint(config, path);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [protocol], { headers, ...tls });
    ws.once('open', () => {
      ws.off('error', reject);
      resolve(ws);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      readAll(res).then((body) => reject(errorFromBody(res.statusCode ?? 0, body)), reject);
    });
  });
}
