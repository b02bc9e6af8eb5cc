/**
 * The back-off between restarts of a container that died (kubelet doBackOff): a restart arms the
 * next, longer delay; while a delay runs the container waits in CrashLoopBackOff. A container that
 * ran for the reset window (10 min) starts the back-off over.
 */
import type { Container } from '@tugboat/api';
import type { ObservedContainer } from '../docker/observe.js';
import { BACKOFF_RESET_AFTER_RUN_MS, formatDuration } from './backoff.js';
import type { Pass, SyncDeps } from './sync-pass.js';

/** kubelet doBackOff: restart now and arm the back-off, or wait (CrashLoopBackOff) and come back when it ends. */
export function mayRestart(deps: SyncDeps, p: Pass, c: Container, dead: ObservedContainer): boolean {
  const key = `${p.state.uid}/${c.name}`;
  const ranMs = dead.startedAt && dead.finishedAt ? Date.parse(dead.finishedAt) - Date.parse(dead.startedAt) : 0;
  if (ranMs >= BACKOFF_RESET_AFTER_RUN_MS) deps.backoff.reset(key);
  const remaining = deps.backoff.remaining(key, Date.parse(dead.finishedAt ?? dead.createdAt));
  if (remaining > 0) {
    const { name = '', namespace = 'default' } = p.pod.metadata;
    p.waiting.set(c.name, {
      reason: 'CrashLoopBackOff',
      message: `back-off ${formatDuration(deps.backoff.delay(key))} restarting failed container=${c.name} pod=${name}_${namespace}(${p.state.uid})`,
    });
    deps.queue.enqueueAfter(p.state.uid, remaining);
    return false;
  }
  deps.backoff.next(key);
  return true;
}
