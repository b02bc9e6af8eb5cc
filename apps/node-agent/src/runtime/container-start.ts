/**
 * Creating and starting a spec container (init or app) in the pod's sandbox: its image, its
 * environment, then `create` and `start`, with the kubelet's events and waiting reasons when a
 * step fails. Whether it should start at all is decided by the caller.
 */
import type { Container } from '@tugboat/api';
import { appContainerSpec } from '../docker/container-spec.js';
import { engineMessage } from '../docker/images.js';
import type { ObservedContainer } from '../docker/observe.js';
import { isNotFound } from '../docker/observe.js';
import { containerVolumes } from '../docker/volumes.js';
import { createContainer } from './docker-ops.js';
import { resolveEnv } from './env.js';
import type { Pass, SyncDeps } from './sync-pass.js';
import { imageStepContext, inspectInto } from './sync-pass.js';

/** The instance to create: which list it belongs to, and its restart count. */
export interface NewInstance {
  kind: 'init' | 'app';
  attempt: number;
}

/** The attempt number of the instance that follows `latest` (0 for the first). */
export function attemptAfter(latest: ObservedContainer | undefined): number {
  return latest ? latest.restartCount + 1 : 0;
}

export async function startNew(deps: SyncDeps, p: Pass, c: Container, { kind, attempt }: NewInstance): Promise<void> {
  const imageReady = await deps.images.ensure(imageStepContext(p), c);
  p.trace.mark('image');
  if (!imageReady) return;
  const { opts } = deps;
  const env = resolveEnv({ pod: p.pod, container: c, refs: opts.refs, podIP: p.podIP, hostIP: opts.hostIP, nodeName: opts.nodeName });
  if (!env.ok) {
    p.waiting.set(c.name, { reason: 'CreateContainerConfigError', message: env.message });
    return;
  }
  const unsupported = containerVolumes(p.pod, c, opts.nodeName).unsupported;
  if (unsupported.length) p.log.warn({ container: c.name, volumes: unsupported }, 'volume types not supported yet; not mounted');
  const spec = appContainerSpec({ pod: p.pod, container: c, kind, nodeName: opts.nodeName, sandboxId: p.sandboxId, env: env.env, attempt });
  let created: string;
  try {
    created = await createContainer(opts.docker, spec);
    p.trace.mark('create');
  } catch (err) {
    // a leftover of the same name may have been removed on the way
    p.stale = true;
    if (isNotFound(err)) deps.images.forgetImage(c.image ?? '');
    const message = engineMessage(err);
    p.waiting.set(c.name, { reason: 'CreateContainerError', message });
    p.emit('Warning', 'Failed', `Error: ${message}`);
    deps.queue.enqueueAfter(p.state.uid, 5_000);
    return;
  }
  p.emit('Normal', 'Created', `Created container ${c.name}`);
  await start(deps, p, c, created);
}

/** An instance that was created but never started (an agent stopped in between). */
export function startExisting(deps: SyncDeps, p: Pass, c: Container, instance: ObservedContainer): Promise<void> {
  return start(deps, p, c, instance.id);
}

async function start(deps: SyncDeps, p: Pass, c: Container, id: string): Promise<void> {
  try {
    await deps.opts.docker.startContainer(id);
    p.trace.mark('start');
    p.emit('Normal', 'Started', `Started container ${c.name}`);
    p.log.info({ container: c.name, id }, 'container started');
  } catch (err) {
    p.stale = true;
    // The instance stays "created" with State.Error: status shows StartError and the restart policy applies.
    const message = engineMessage(err);
    p.emit('Warning', 'Failed', `Error: failed to start container "${c.name}": ${message}`);
    p.log.warn({ container: c.name, err: message }, 'container failed to start');
    deps.queue.enqueue(p.state.uid);
    return;
  }
  // A container removed right after its start is simply gone: the next list shows it.
  await inspectInto(deps, p, id).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
    p.stale = true;
  });
}
