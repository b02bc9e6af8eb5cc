/** Who is calling: the verified subject of the client certificate, or nothing. */
import { X509Certificate } from 'node:crypto';

export interface PeerIdentity {
  commonName: string;
  organizations: string[];
}

/** What grpc-js server calls offer (its AuthContext type is not exported from the package root). */
interface HasAuthContext {
  getAuthContext(): { sslPeerCertificate?: { raw?: Buffer } } | null;
}

const MAX_CACHED = 1024;

/** Verifies client certificates against one CA; results are cached by fingerprint. */
export class PeerVerifier {
  private readonly ca: X509Certificate;
  private readonly cache = new Map<string, PeerIdentity | null>();

  constructor(caPem: string) {
    this.ca = new X509Certificate(caPem);
  }

  /** The caller's identity if it presented a certificate the CA issued that is valid now. */
  identify(call: HasAuthContext): PeerIdentity | undefined {
    const raw = call.getAuthContext()?.sslPeerCertificate?.raw;
    if (!raw) return undefined;
    const cert = new X509Certificate(raw);
    const cached = this.cache.get(cert.fingerprint256);
    if (cached !== undefined && stillValid(cert)) return cached ?? undefined;
    const identity = cert.checkIssued(this.ca) && cert.verify(this.ca.publicKey) && stillValid(cert) ? subjectOf(cert) : null;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(cert.fingerprint256, identity);
    return identity ?? undefined;
  }
}

function stillValid(cert: X509Certificate): boolean {
  const now = Date.now();
  return Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);
}

/** Node prints the subject as "CN=...\nO=...", one attribute per line. */
export function subjectOf(cert: X509Certificate): PeerIdentity {
  const attrs = cert.subject.split('\n').map((line) => {
    const eq = line.indexOf('=');
    return [line.slice(0, eq), line.slice(eq + 1)] as const;
  });
  return {
    commonName: attrs.find(([k]) => k === 'CN')?.[1] ?? '',
    organizations: attrs.filter(([k]) => k === 'O').map(([, v]) => v),
  };
}
