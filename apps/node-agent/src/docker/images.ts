/**
 * Image pull policy as in Kubernetes. No registry may be reachable, so presence is checked with
 * `image inspect` first and a pull is bounded by a timeout; its failure is reported, never awaited forever.
 */
import type { Container, PullPolicy } from '@tugboat/api';
import type { EngineClient } from './engine-client.js';
import { NdjsonSplitter } from './ndjson.js';
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

/**
 * Repository and tag (or digest) of a reference, as `POST /images/create` wants them: without a
 * tag the engine would pull every tag of the repository, so an untagged reference means `latest`.
 */
export function splitImageRef(image: string): { repository: string; tag: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { repository: image.slice(0, at), tag: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  // a colon before the last slash is a registry's port (localhost:5000/busybox)
  if (colon > image.lastIndexOf('/')) return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { repository: image, tag: 'latest' };
}

export async function imagePresent(docker: EngineClient, image: string): Promise<boolean> {
  try {
    await docker.inspectImage(image);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

export const PULL_TIMEOUT_MS = 60_000;

/** Pull an image; rejects with the engine's message (errors arrive inside the progress stream too). */
export async function pullImage(docker: EngineClient, image: string, timeoutMs = PULL_TIMEOUT_MS): Promise<void> {
  const { repository, tag } = splitImageRef(image);
  const stream = await docker.pullImage(repository, tag);
  await new Promise<void>((resolve, reject) => {
    const splitter = new NdjsonSplitter();
    let failure: string | undefined;
    const timer = setTimeout(() => {
      stream.destroy();
      reject(new Error(`pulling image "${image}" timed out after ${timeoutMs / 1000}s`));
    }, timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      for (const o of splitter.push(chunk) as { error?: string }[]) failure ??= o?.error;
    });
    stream.on('end', () => {
      clearTimeout(timer);
      if (failure) reject(new Error(failure));
      else resolve();
    });
    stream.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** The engine's own words, for events and waiting messages. */
export function engineMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).trim();
}
