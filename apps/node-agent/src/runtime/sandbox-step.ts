/**
 * The pod sandbox step of a sync: the pause container that holds the pod's network namespace and
 * IP. A sandbox that fails to start is retried with back-off; a dead one is replaced, and takes the
 * pod's containers with it.
 */
import { gracePeriodSeconds, podDns, sandboxSpec } from '../docker/container-spec.js';
import { engineMessage } from '../docker/images.js';
import { isNotFound } from '../docker/observe.js';
import { createContainer, removeContainer, stopContainer } from './docker-ops.js';
import type { Pass, SyncDeps } from './sync-pass.js';
import { imageStepContext, inspectInto, observeAgain } from './sync-pass.js';
import type { PodEvent } from './types.js';

/** A running sandbox with an IP; a dead one takes the pod's containers with it and is replaced. */
export async function ensureSandbox(deps: SyncDeps, p: Pass): Promise<boolean> {
  const { opts } = deps;
  const { docker } = opts;
  const current = p.observed.sandboxes[0];
  if (current?.running && current.ip) {
    p.sandboxId = current.id;
    p.podIP = current.ip;
    return true;
  }
  if (current) {
    p.log.warn({ sandbox: current.id }, 'sandbox is not running; recreating the pod sandbox');
    await Promise.all(p.observed.containers.filter((c) => c.running).map((c) => stopContainer(docker, c.id, gracePeriodSeconds(p.pod))));
    await removeContainer(docker, current.id);
  }
  // The sandbox is no spec container: only its problems are worth an event.
  const quiet = { ...imageStepContext(p), emit: (type: PodEvent['type'], reason: string, message: string) => type === 'Warning' && p.emit(type, reason, message) };
  const pauseReady = await deps.images.ensure(quiet, { name: 'POD', image: opts.pauseImage, imagePullPolicy: 'IfNotPresent' });
  p.trace.mark('image');
  if (!pauseReady) return false;
  const key = `${p.state.uid}/POD`;
  const remaining = deps.backoff.remaining(key, p.state.sandboxFailedAt ?? 0);
  if (remaining > 0) {
    deps.queue.enqueueAfter(p.state.uid, remaining);
    return false;
  }
  const spec = sandboxSpec({
    pod: p.pod, nodeName: opts.nodeName, network: opts.network.name, pauseImage: opts.pauseImage,
    dns: podDns(p.pod, opts.clusterDNS, opts.clusterDomain), attempt: current ? current.restartCount + 1 : 0,
  });
  const sandboxId = await createContainer(docker, spec).catch((err: unknown) => {
    if (isNotFound(err)) deps.images.forgetImage(opts.pauseImage);
    throw err;
  });
  p.trace.mark('create');
  try {
    await docker.startContainer(sandboxId);
    p.trace.mark('start');
  } catch (err) {
    // e.g. a hostPort already taken: the pod stays Pending, with an event, and is retried with back-off.
    p.stale = true;
    const message = engineMessage(err);
    await removeContainer(docker, sandboxId);
    deps.backoff.next(key);
    p.state.sandboxFailedAt = Date.now();
    p.emit('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${message}`);
    p.log.warn({ err: message }, 'pod sandbox failed to start');
    deps.queue.enqueueAfter(p.state.uid, deps.backoff.delay(key));
    return false;
  }
  deps.backoff.reset(key);
  const sandbox = await inspectInto(deps, p, sandboxId);
  p.sandboxId = sandboxId;
  p.podIP = sandbox?.ip ?? '';
  p.log.info({ sandbox: sandboxId, podIP: p.podIP }, 'pod sandbox started');
  // the old sandbox's containers were stopped and it was removed: read it all back
  if (current) await observeAgain(deps, p);
  return p.podIP !== '';
}
