import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, EngineHttp, engineErrorFrom, queryString } from './engine-http.js';

describe('queryString', () => {
  it('sends filters as JSON, booleans and numbers as text, and leaves out undefined', () => {
    expect(queryString({ all: true, t: 2, name: undefined, filters: { label: ['a=b'] } })).toBe(`?all=true&t=2&filters=${encodeURIComponent('{"label":["a=b"]}')}`);
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('engineErrorFrom', () => {
  it("keeps the engine's message and status", () => {
    const e = engineErrorFrom(404, '{"message":"No such container: abc"}\n');
    expect(e).toBeInstanceOf(EngineError);
    expect([e.statusCode, e.message]).toEqual([404, 'No such container: abc']);
    expect(engineErrorFrom(500, 'plain words\n').message).toBe('plain words');
    expect(engineErrorFrom(409, '').message).toBe('Conflict');
  });
});

describe('EngineHttp on a unix socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'engine-http-'));
  const socketPath = join(dir, 'docker.sock');
  const seen: { method?: string; url?: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    void text(req).then((body) => {
      seen.push({ method: req.method, url: req.url, body });
      if (req.url?.startsWith('/v1.41/containers/json')) return res.end(JSON.stringify([{ Id: 'c1' }]));
      if (req.url?.startsWith('/v1.41/containers/gone/json')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        return res.end('{"message":"No such container: gone"}');
      }
      res.writeHead(204);
      res.end();
    });
  });
  // exec start: answer 101 and echo the raw stream back
  server.on('upgrade', (req, socket) => {
    socket.write('HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello ');
    socket.on('data', (b: Buffer) => socket.end(b));
  });
  const engine = new EngineHttp(socketPath);

  beforeAll(() => new Promise<void>((r) => server.listen(socketPath, r)));
  afterAll(async () => {
    engine.close();
    await new Promise((r) => server.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes JSON calls under the API version, with a JSON body', async () => {
    expect(await engine.json('GET', '/containers/json', { query: { all: true } })).toEqual([{ Id: 'c1' }]);
    expect(await engine.json('POST', '/networks/create', { body: { Name: 'n' } })).toBeUndefined();
    expect(seen.slice(-2).map((s) => [s.method, s.url, s.body])).toEqual([['GET', '/v1.41/containers/json?all=true', ''], ['POST', '/v1.41/networks/create', '{"Name":"n"}']]);
  });

  it('rejects with the status and the engine message', async () => {
    const err = await engine.json('GET', '/containers/gone/json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect([(err as EngineError).statusCode, (err as EngineError).message]).toEqual([404, 'No such container: gone']);
  });

  it('hands over the upgraded connection as a duplex stream', async () => {
    const socket = await engine.upgrade('/exec/e1/start', { body: { Detach: false, Tty: true } });
    socket.write('world');
    expect(await text(socket)).toBe('hello world');
  });
});
