/**
 * The init containers of a sync: one at a time, in spec order, each to a successful exit before
 * the next; the app containers wait until all have completed. A failed one restarts under the
 * pod's restart policy (with back-off), except under Never, where it fails the pod.
 */
import { attemptAfter, startExisting, startNew } from './container-start.js';
import { mayRestart } from './restart-backoff.js';
import { hasTerminated, instancesOf } from './status.js';
import type { Pass, SyncDeps } from './sync-pass.js';

/** Init containers one at a time, in order; true once all have completed successfully. */
export async function runInitContainers(deps: SyncDeps, p: Pass): Promise<boolean> {
  const policy = p.pod.spec?.restartPolicy ?? 'Always';
  for (const c of p.pod.spec?.initContainers ?? []) {
    const { latest } = instancesOf(p.observed, c.name, 'init');
    if (latest && hasTerminated(latest) && latest.exitCode === 0) continue;
    if (latest?.running) return false;
    if (latest && !hasTerminated(latest)) {
      await startExisting(deps, p, c, latest);
      return false;
    }
    if (latest && (policy === 'Never' || !mayRestart(deps, p, c, latest))) return false;
    await startNew(deps, p, c, { kind: 'init', attempt: attemptAfter(latest) });
    return false;
  }
  return true;
}
