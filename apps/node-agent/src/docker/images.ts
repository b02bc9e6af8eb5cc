/**
 * Image pull policy as in Kubernetes. No registry may be reachable, so presence is checked with
 * `image inspect` first and a pull is bounded by a timeout; its failure is reported, never awaited forever.
 */
import type Dockerode from 'dockerode';
import type { Container, PullPolicy } from '@tugboat/api';
import { isNotFound } from './observe.js';

/** Always for `:latest` or an untagged reference, IfNotPresent otherwise (digests included). */
export function pullPolicyOf(container: Pick<Container, 'image' | 'imagePullPolicy'>): PullPolicy {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  const image = container.image ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export async function imagePresent(docker: Dockerode, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

export const PULL_TIMEOUT_MS = 60_000;

/** Pull an image; rejects with the engine's message (errors arrive inside the progress stream too). */
export async function pullImage(docker: Dockerode, image: string, timeoutMs = PULL_TIMEOUT_MS): Promise<void> {
  const stream = await docker.pull(image) as NodeJS.ReadableStream & { destroy?: () => void };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy?.();
      reject(new Error(`pulling image "${image}" timed out after ${timeoutMs / 1000}s`));
    }, timeoutMs);
    docker.modem.followProgress(stream, (err: Error | null, output: { error?: string }[]) => {
      clearTimeout(timer);
      const inStream = output?.find((o) => o.error)?.error;
      if (err || inStream) reject(err ?? new Error(inStream));
      else resolve();
    });
  });
}

/** The engine's own words: dockerode wraps them as "(HTTP code 500) server error - <message> ". */
export function engineMessage(err: unknown): string {
  const e = err as { json?: { message?: string }; message?: string };
  const raw = e?.json?.message ?? e?.message ?? String(err);
  return raw.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}
