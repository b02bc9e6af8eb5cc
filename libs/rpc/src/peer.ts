/** Who is calling: the verified subject of the client certificate, or nothing. */
import { X509Certificate } from 'node:crypto';

export interface PeerIdentity {
  commonName: string;
  organizations: string[];
}

/** What grpc-js server calls offer (its AuthContext type is not exported from the package root). */
interface HasAuthContext {
  getAuthContext(): { sslPeerCertificate?: { raw?: Buffer; fingerprint256?: string } } | null;
}

const MAX_CACHED = 1024;

/** A verified certificate: who it names (null: not issued by the CA) and until when it is valid. */
interface Verdict {
  identity: PeerIdentity | null;
  notBefore: number;
  notAfter: number;
}

/**
 * Verifies client certificates against one CA; verdicts are cached by the certificate's SHA-256
 * fingerprint, which the TLS layer already gives with the peer certificate: a call by a known
 * certificate costs a map lookup, not an X.509 parse (node agents call many times a second).
 */
export class PeerVerifier {
  private readonly ca: X509Certificate;
  private readonly cache = new Map<string, Verdict>();

  constructor(caPem: string) {
    this.ca = new X509Certificate(caPem);
  }

  /** The caller's identity if it presented a certificate the CA issued that is valid now. */
  identify(call: HasAuthContext): PeerIdentity | undefined {
    const peer = call.getAuthContext()?.sslPeerCertificate;
    if (!peer?.raw) return undefined;
    const key = peer.fingerprint256 ?? new X509Certificate(peer.raw).fingerprint256;
    let verdict = this.cache.get(key);
    if (!verdict) {
      verdict = this.verify(new X509Certificate(peer.raw));
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(key, verdict);
    }
    const now = Date.now();
    return verdict.identity && verdict.notBefore <= now && now <= verdict.notAfter ? verdict.identity : undefined;
  }

  private verify(cert: X509Certificate): Verdict {
    const issued = cert.checkIssued(this.ca) && cert.verify(this.ca.publicKey);
    return { identity: issued ? subjectOf(cert) : null, notBefore: Date.parse(cert.validFrom), notAfter: Date.parse(cert.validTo) };
  }
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
