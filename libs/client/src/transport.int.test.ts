/** Transport: HTTP/2 to the real apiserver, HTTP/1.1 to a server that does not offer it, and a new connection after one drops. */
import { createCa, issueCertificate } from '@tugboat/apiserver';
import type { KeyPair } from '@tugboat/apiserver';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureServer } from 'node:http2';
import type { Http2Session } from 'node:http2';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from './testing/cluster.js';
import type { TestCluster } from './testing/cluster.js';
import { Transport, readBody } from './transport.js';

let cluster: TestCluster;
let ca: KeyPair;
let serving: KeyPair;
beforeAll(async () => {
  cluster = await startTestCluster();
  ca = await createCa('transport-test-ca');
  serving = await issueCertificate(ca, { commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server' });
});
afterAll(async () => {
  await cluster?.close();
});

function listening(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`https://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function get(t: Transport, path: string): Promise<{ version: string; status: number; body: string }> {
  const res = await t.send({ method: 'GET', path, headers: { accept: 'application/json' } });
  return { version: res.httpVersion, status: res.statusCode, body: (await readBody(res)).toString() };
}

describe('Transport', () => {
  it('speaks HTTP/2 to the apiserver, many requests at once on one connection', async () => {
    const api = cluster.api();
    const t = new Transport({ server: api.secureUrl, ca: api.caPem });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => get(t, '/version')));
      for (const a of answers) {
        expect(a).toMatchObject({ version: '2.0', status: 200 });
        expect(JSON.parse(a.body)).toHaveProperty('gitVersion');
      }
    } finally {
      t.close();
    }
  });

  it('ends the server side of a watch the client cancels on the shared HTTP/2 connection', async () => {
    const api = cluster.api();
    const t = new Transport({ server: api.secureUrl, ca: api.caPem });
    const openWatches = async (): Promise<number> => {
      const res = await cluster.client.request('GET', '/metrics');
      const line = res.body.toString().split('\n').find((l) => l.startsWith('apiserver_registered_watchers{resource="configmaps"}'));
      return Number(line?.split(' ')[1] ?? 0);
    };
    const ctrl = new AbortController();
    try {
      const headers = { accept: 'application/json', authorization: `Bearer ${api.adminToken}` };
      const res = await t.send({ method: 'GET', path: '/api/v1/configmaps?watch=true', headers, signal: ctrl.signal });
      expect(res.httpVersion).toBe('2.0');
      expect(await openWatches()).toBe(1);
      ctrl.abort();
      res.body.on('error', () => undefined);
      await expect.poll(openWatches, { timeout: 5_000 }).toBe(0);
      // the connection itself is still good for the next request
      expect((await get(t, '/version')).status).toBe(200);
    } finally {
      t.close();
    }
  });

  it('falls back to HTTP/1.1 when the server does not offer HTTP/2', async () => {
    const server = createHttpsServer({ cert: serving.certPem, key: serving.keyPem }, (req, res) => res.end(`hello ${req.httpVersion}`));
    const url = await listening(server);
    const t = new Transport({ server: url, ca: ca.certPem });
    try {
      expect(await get(t, '/')).toEqual({ version: '1.1', status: 200, body: 'hello 1.1' });
      expect(await get(t, '/')).toEqual({ version: '1.1', status: 200, body: 'hello 1.1' });
    } finally {
      t.close();
      server.close();
    }
  });

  it('opens a new connection when the server drops the one it had', async () => {
    const sessions: Http2Session[] = [];
    const server = createSecureServer({ cert: serving.certPem, key: serving.keyPem }, (_req, res) => res.end('ok'));
    server.on('session', (s: Http2Session) => sessions.push(s));
    const url = await listening(server);
    const t = new Transport({ server: url, ca: ca.certPem });
    try {
      expect((await get(t, '/')).body).toBe('ok');
      sessions[0]!.destroy();
      await new Promise((r) => setTimeout(r, 50));
      expect((await get(t, '/')).body).toBe('ok');
      expect(sessions).toHaveLength(2);
    } finally {
      t.close();
      server.close();
    }
  });

  it('sends concurrent requests as streams of one connection', async () => {
    let sessions = 0;
    const server = createSecureServer({ cert: serving.certPem, key: serving.keyPem }, (_req, res) => setTimeout(() => res.end('ok'), 20));
    server.on('session', () => sessions++);
    const url = await listening(server);
    const t = new Transport({ server: url, ca: ca.certPem });
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => get(t, '/')));
      expect(answers.every((a) => a.body === 'ok' && a.version === '2.0')).toBe(true);
      expect(sessions).toBe(1);
    } finally {
      t.close();
      server.close();
    }
  });

  it('fails a request still waiting for its answer when the client is closed, instead of leaving it pending', async () => {
    const server = createSecureServer({ cert: serving.certPem, key: serving.keyPem }, () => undefined); // never answers
    const url = await listening(server);
    const t = new Transport({ server: url, ca: ca.certPem });
    try {
      const pending = get(t, '/');
      await new Promise((r) => setTimeout(r, 100));
      t.close();
      await expect(pending).rejects.toThrow(/closed/);
    } finally {
      server.close();
    }
  });

  it('rejects a server whose certificate the CA did not sign', async () => {
    const other = await createCa('someone-else');
    const t = new Transport({ server: cluster.api().secureUrl, ca: other.certPem });
    try {
      await expect(get(t, '/version')).rejects.toThrow(/certificate/);
    } finally {
      t.close();
    }
  });

  it('reads whole answers with exchange(), many on one connection, with their status and headers', async () => {
    let sessions = 0;
    const server = createSecureServer({ cert: serving.certPem, key: serving.keyPem }, (req, res) => {
      res.writeHead(201, { 'x-path': req.url });
      res.write('part one, ');
      setTimeout(() => res.end('part two'), 10);
    });
    server.on('session', () => sessions++);
    const url = await listening(server);
    const t = new Transport({ server: url, ca: ca.certPem });
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => t.exchange({ method: 'POST', path: `/n/${i}`, headers: {}, body: Buffer.from('{}') })));
      expect(answers.map((a) => [a.statusCode, a.headers['x-path'], a.body.toString()])).toEqual(Array.from({ length: 50 }, (_, i) => [201, `/n/${i}`, 'part one, part two']));
      expect(answers[0]!.headers[':status']).toBeUndefined();
      expect(sessions).toBe(1);
    } finally {
      t.close();
      server.close();
    }
  });

  it('fails an exchange whose answer is cut off mid-body, and one the client closes unanswered', async () => {
    const server = createSecureServer({ cert: serving.certPem, key: serving.keyPem }, (req, res) => {
      if (req.url === '/silent') return;
      res.writeHead(200, { 'content-length': '100' });
      if (req.method === 'HEAD') return void res.end();
      res.write('half');
      setTimeout(() => res.stream.session?.destroy(), 20); // the connection drops mid-body
    });
    const url = await listening(server);
    const t = new Transport({ server: url, ca: ca.certPem });
    try {
      await expect(t.exchange({ method: 'GET', path: '/cut', headers: {} })).rejects.toThrow(/closed before the response body ended/);
      // a HEAD answer's length is the body it would have had
      await expect(t.exchange({ method: 'HEAD', path: '/head', headers: {} })).resolves.toMatchObject({ statusCode: 200, body: Buffer.alloc(0) });
      const silent = t.exchange({ method: 'GET', path: '/silent', headers: {} });
      await new Promise((r) => setTimeout(r, 100));
      t.close();
      await expect(silent).rejects.toThrow(/closed/);
    } finally {
      server.close();
    }
  });
});
