/**
 * The clean-up at the end of a sync: each restart leaves the dead instance behind. The newest
 * instance of each container and the one before it stay (`logs --previous` reads it); older ones,
 * and every sandbox but the newest, are removed once they no longer run.
 */
import type { EngineClient } from '../docker/engine-client.js';
import type { ObservedPod } from '../docker/observe.js';
import { removeContainer } from './docker-ops.js';

/** The ids of the instances to remove; `observed` lists them newest first, as observePod sorts them. */
export function oldInstances(observed: ObservedPod): string[] {
  const seen = new Map<string, number>();
  const doomed: string[] = [];
  for (const c of [...observed.sandboxes, ...observed.containers]) {
    const key = `${c.kind}/${c.containerName}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const keep = c.kind === 'sandbox' ? 1 : 2;
    if (n > keep && !c.running) doomed.push(c.id);
  }
  return doomed;
}

/** Keep the newest instance of each container and the one before it (logs --previous); remove older ones. */
export async function collectOldInstances(docker: EngineClient, observed: ObservedPod): Promise<void> {
  await Promise.all(oldInstances(observed).map((id) => removeContainer(docker, id)));
}
