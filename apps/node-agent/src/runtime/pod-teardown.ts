/**
 * Graceful teardown of a pod (deletionTimestamp set, removed from the API, or an orphan): app and
 * init containers get SIGTERM and their grace period, then the sandbox stops, then containers and
 * emptyDir volumes are removed. A pod still known to the API is then reported terminated, once.
 */
import { gracePeriodSeconds, podKey } from '../docker/container-spec.js';
import type { ObservedPod } from '../docker/observe.js';
import { removePodVolumes } from '../docker/volumes.js';
import { removeContainer, stopContainer } from './docker-ops.js';
import type { PodState } from './pod-state.js';
import type { SyncDeps } from './sync-pass.js';

export async function teardownPod(deps: SyncDeps, uid: string, state: PodState | undefined, observed: ObservedPod): Promise<void> {
  const { docker, nodeName, logger } = deps.opts;
  deps.probes.stopPod(uid);
  const pod = state?.pod;
  const all = [...observed.containers, ...observed.sandboxes];
  if (all.length) {
    const log = logger.child(pod ? { pod: podKey(pod), uid } : { uid });
    log.info({ containers: all.length, orphan: !pod }, 'stopping and removing pod containers');
    await Promise.all(observed.containers.filter((c) => c.running).map((c) => {
      if (pod) deps.opts.onEvent(pod, { type: 'Normal', reason: 'Killing', message: `Stopping container ${c.containerName}` });
      // An orphan's grace period comes from its label: the pod object is gone.
      return stopContainer(docker, c.id, pod ? gracePeriodSeconds(pod) : c.gracePeriodSeconds);
    }));
    await Promise.all(observed.sandboxes.filter((c) => c.running).map((c) => stopContainer(docker, c.id, 2)));
    await Promise.all(all.map((c) => removeContainer(docker, c.id)));
  }
  await removePodVolumes(docker, nodeName, uid);
  if (pod && state && !state.terminatedReported) {
    state.terminatedReported = true;
    deps.opts.onPodTerminated(pod);
  }
  if (!pod) {
    deps.states.delete(uid);
    deps.backoff.forgetPrefix(`${uid}/`);
    deps.images.forgetPod(uid);
  }
}
