/**
 * The cluster CA and the apiserver's serving certificate, made on first start and kept in the data
 * directory (pki/). ECDSA P-256 through WebCrypto and @peculiar/x509: no openssl process needed.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

type CryptoKey = webcrypto.CryptoKey;

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export interface KeyPair {
  certPem: string;
  keyPem: string;
}

export interface Pki {
  ca: KeyPair;
  serving: KeyPair;
  /** the apiserver's identity towards node agents (AgentService requires a system:masters client certificate) */
  agentClient: KeyPair;
}

/** Subject of the apiserver's client certificate, as Kubernetes' apiserver-kubelet-client. */
export const APISERVER_CLIENT_SUBJECT = { commonName: 'system:apiserver', organization: 'system:masters' } as const;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

async function exportKey(key: CryptoKey): Promise<string> {
  return pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key));
}

async function importKey(keyPem: string): Promise<CryptoKey> {
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return await webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']);
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');
}

export async function createCa(commonName = 'tugboat-ca'): Promise<KeyPair> {
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${commonName}`,
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + TEN_YEARS_MS),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await exportKey(keys.privateKey) };
}

export interface IssueOptions {
  commonName: string;
  organization?: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  usage: 'server' | 'client' | 'both';
}

/** Issue a leaf certificate signed by the CA (server: apiserver; client: node agents). */
export async function issueCertificate(ca: KeyPair, opts: IssueOptions): Promise<KeyPair> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKey(ca.keyPem);
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const ekus = [
    ...(opts.usage !== 'client' ? [x509.ExtendedKeyUsage.serverAuth] : []),
    ...(opts.usage !== 'server' ? [x509.ExtendedKeyUsage.clientAuth] : []),
  ];
  const sans = [
    ...(opts.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(opts.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${opts.commonName}${opts.organization ? `, O=${opts.organization}` : ''}`,
    issuer: caCert.subject,
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + TEN_YEARS_MS),
    signingKey: caKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension(ekus),
      ...(sans.length > 0 ? [new x509.SubjectAlternativeNameExtension(sans)] : []),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await exportKey(keys.privateKey) };
}

async function readPair(dir: string, name: string): Promise<KeyPair | undefined> {
  try {
    return { certPem: await readFile(join(dir, `${name}.crt`), 'utf8'), keyPem: await readFile(join(dir, `${name}.key`), 'utf8') };
  } catch {
    return undefined;
  }
}

async function writePair(dir: string, name: string, pair: KeyPair): Promise<void> {
  await writeFile(join(dir, `${name}.crt`), pair.certPem, { mode: 0o644 });
  await writeFile(join(dir, `${name}.key`), pair.keyPem, { mode: 0o600 });
}

/** Load the PKI from dataDir/pki, creating what is missing. */
export async function ensurePki(dataDir: string, extraSans: string[] = []): Promise<Pki> {
  const dir = join(dataDir, 'pki');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let ca = await readPair(dir, 'ca');
  if (!ca) {
    ca = await createCa();
    await writePair(dir, 'ca', ca);
  }
  let serving = await readPair(dir, 'apiserver');
  if (!serving) {
    const ips = ['127.0.0.1', '10.96.0.1', ...extraSans.filter((s) => /^[\d.]+$/.test(s))];
    const dns = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', hostname(), ...extraSans.filter((s) => !/^[\d.]+$/.test(s))];
    serving = await issueCertificate(ca, { commonName: 'tugboat-apiserver', dnsNames: dns, ipAddresses: ips, usage: 'server' });
    await writePair(dir, 'apiserver', serving);
  }
  let agentClient = await readPair(dir, 'apiserver-agent-client');
  if (!agentClient) {
    agentClient = await issueCertificate(ca, { ...APISERVER_CLIENT_SUBJECT, usage: 'client' });
    await writePair(dir, 'apiserver-agent-client', agentClient);
  }
  return { ca, serving, agentClient };
}
