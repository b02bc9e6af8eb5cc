/** Bearer tokens: the admin token made at first start (dataDir/admin-token) and the check of a request's token. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';

export interface User {
  name: string;
  groups: string[];
}

export async function ensureAdminToken(dataDir: string): Promise<string> {
  return await ensureToken(dataDir, 'admin-token');
}

/** The token nodes join with (dataDir/node-token), as k3s's server/node-token. */
export async function ensureNodeToken(dataDir: string): Promise<string> {
  return await ensureToken(dataDir, 'node-token');
}

/** A random secret kept in dataDir/<file>, made on first start. */
async function ensureToken(dataDir: string, file: string): Promise<string> {
  const path = join(dataDir, file);
  try {
    const t = (await readFile(path, 'utf8')).trim();
    if (t) return t;
  } catch {
    // first start
  }
  const token = randomBytes(32).toString('hex');
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  return token;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type Authenticator = (req: IncomingMessage) => User | undefined;

export function tokenAuthenticator(adminToken: string): Authenticator {
  return (req) => {
    const h = req.headers.authorization;
    if (!h?.startsWith('Bearer ')) return undefined;
    if (sameSecret(h.slice(7).trim(), adminToken)) return { name: 'admin', groups: ['system:masters', 'system:authenticated'] };
    return undefined;
  };
}
