/** H2Connector's liveness: a silent but live connection is kept, one whose peer froze is dropped and replaced. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createCa, issueCertificate } from '@tugboat/apiserver';
import type { KeyPair } from '@tugboat/apiserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { H2Connector } from './h2-session.js';
import type { ClientHttp2Session } from 'node:http2';

/** An HTTP/2 server in a child process, so the test can freeze it whole (SIGSTOP), as a host that vanished. */
const SERVER = `
const http2 = require('node:http2');
const { cert, key } = JSON.parse(process.argv[1]);
const srv = http2.createSecureServer({ cert, key }, (_req, res) => res.end('ok'));
srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));
`;

let ca: KeyPair;
let serving: KeyPair;
let child: ChildProcess;
let port: number;
beforeAll(async () => {
  ca = await createCa('h2-session-test-ca');
  serving = await issueCertificate(ca, { commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server' });
  child = spawn(process.execPath, ['-e', SERVER, JSON.stringify({ cert: serving.certPem, key: serving.keyPem })], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
});
afterAll(() => {
  child?.kill('SIGKILL');
});

async function sessionOf(c: H2Connector): Promise<ClientHttp2Session> {
  const n = await c.negotiate();
  if (n.protocol !== 'h2') throw new Error('expected HTTP/2');
  return n.session;
}

describe('H2Connector liveness', () => {
  it('keeps a silent connection whose peer answers pings, and drops one whose peer froze', async () => {
    const c = new H2Connector({ hostname: '127.0.0.1', port, ca: ca.certPem, rejectUnauthorized: true }, { idleMs: 100, pingTimeoutMs: 300 });
    try {
      const first = await sessionOf(c);
      await new Promise((r) => setTimeout(r, 800)); // several silent periods: pinged and answered
      expect(first.destroyed).toBe(false);
      expect(await sessionOf(c)).toBe(first);

      child.kill('SIGSTOP');
      try {
        await expect.poll(() => first.destroyed, { timeout: 3_000 }).toBe(true);
      } finally {
        child.kill('SIGCONT');
      }
      const second = await sessionOf(c);
      expect(second).not.toBe(first);
      expect(second.destroyed).toBe(false);
    } finally {
      c.close();
    }
  });
});
