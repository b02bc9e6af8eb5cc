/**
 * One app container's step in a sync: start it, restart it as the pod's restart policy says (with
 * back-off), or, when its spec changed under a running instance, ask for that instance to be
 * killed so that the next pass starts the new definition.
 */
import type { Container } from '@tugboat/api';
import { containerSpecHash } from '../docker/container-spec.js';
import { attemptAfter, startExisting, startNew } from './container-start.js';
import { mayRestart } from './restart-backoff.js';
import { hasTerminated, instancesOf } from './status.js';
import type { Pass, SyncDeps } from './sync-pass.js';

export async function syncAppContainer(deps: SyncDeps, p: Pass, c: Container): Promise<void> {
  const { latest } = instancesOf(p.observed, c.name, 'app');
  if (latest?.running) {
    if (latest.specHash && latest.specHash !== containerSpecHash(c)) {
      p.state.kills.set(c.name, { containerId: latest.id, message: `Container ${c.name} definition changed, will be restarted` });
      deps.queue.enqueue(p.state.uid);
    }
    return;
  }
  if (latest && !hasTerminated(latest)) return startExisting(deps, p, c, latest);
  if (latest) {
    const policy = p.pod.spec?.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && latest.exitCode !== 0);
    if (!restart || !mayRestart(deps, p, c, latest)) return;
  }
  await startNew(deps, p, c, { kind: 'app', attempt: attemptAfter(latest) });
}
