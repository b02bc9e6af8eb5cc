/**
 * The node's TLS identity, kept in its data dir: joined once with the bootstrap token, then reused
 * across restarts (a restarted agent is the same node; it never needs the token again).
 */
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEEPALIVE_OPTIONS, channelCredentials, protos, subjectOf, unary } from '@tugboat/rpc';
import type { TlsIdentity } from '@tugboat/rpc';

export interface JoinOptions {
  /** NodeService host:port */
  server: string;
  /** the cluster CA, to verify the server before sending the token */
  caPem: string;
  token: string | undefined;
  nodeName: string;
  /** names and addresses the node's AgentService certificate must cover */
  addresses: string[];
  dataDir: string;
}

async function readIdentity(dir: string): Promise<TlsIdentity | undefined> {
  try {
    const [caPem, certPem, keyPem] = await Promise.all(['ca.crt', 'node.crt', 'node.key'].map((f) => readFile(join(dir, f), 'utf8')));
    return { caPem: caPem!, certPem: certPem!, keyPem: keyPem! };
  } catch {
    return undefined;
  }
}

function stillFor(id: TlsIdentity, nodeName: string, caPem: string): boolean {
  const cert = new X509Certificate(id.certPem);
  return subjectOf(cert).commonName === `system:node:${nodeName}` && Date.parse(cert.validTo) > Date.now() && cert.checkIssued(new X509Certificate(caPem));
}

export async function ensureNodeIdentity(opts: JoinOptions): Promise<TlsIdentity> {
  const dir = join(opts.dataDir, 'pki');
  const existing = await readIdentity(dir);
  if (existing && stillFor(existing, opts.nodeName, opts.caPem)) return existing;
  if (!opts.token) throw new Error(`node ${opts.nodeName} has no certificate in ${dir} yet: a bootstrap token (--token) is needed to join`);
  const client = new (protos().node.NodeService)(opts.server, channelCredentials({ caPem: opts.caPem }), KEEPALIVE_OPTIONS);
  try {
    const res = await unary(client.Join.bind(client), { token: opts.token, node_name: opts.nodeName, addresses: opts.addresses }, { timeoutMs: 30_000 });
    const id = { caPem: res.ca_pem, certPem: res.certificate_pem, keyPem: res.private_key_pem };
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(join(dir, 'ca.crt'), id.caPem, { mode: 0o644 });
    await writeFile(join(dir, 'node.crt'), id.certPem, { mode: 0o644 });
    await writeFile(join(dir, 'node.key'), id.keyPem, { mode: 0o600 });
    return id;
  } finally {
    client.close();
  }
}
