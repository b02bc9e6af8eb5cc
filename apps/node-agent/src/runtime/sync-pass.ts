/**
 * What every step of a pod sync shares: the runtime parts it works with (SyncDeps), what one pass
 * knows about its pod (Pass), and how a pass learns what its own engine calls did.
 */
import type pino from 'pino';
import type { Pod } from '@tugboat/api';
import type { InspectCache, ObserveContext, ObservedContainer, ObservedPod } from '../docker/observe.js';
import { byNewest, fromInspect, observePod } from '../docker/observe.js';
import type { ProbeManager } from '../probes/probe-manager.js';
import type { Backoff } from './backoff.js';
import type { ImagePuller, ImageStepContext } from './image-step.js';
import type { PodState, WaitingMap } from './pod-state.js';
import type { SyncTrace } from './sync-trace.js';
import type { PodEvent, RuntimeOptions } from './types.js';
import type { KeyedQueue } from './work-queue.js';

export interface SyncDeps {
  opts: RuntimeOptions & { pauseImage: string };
  backoff: Backoff;
  probes: ProbeManager;
  queue: KeyedQueue;
  images: ImagePuller;
  states: Map<string, PodState>;
  /** the engine, node and network to observe pods with, and the inspect cache every observation shares */
  observe: ObserveContext & { cache: InspectCache };
  /** orphans (containers of pods nobody asked for) are collected only after the first resync */
  collectOrphans(): boolean;
}

/** What one pass knows about the pod it works on. */
export interface Pass {
  pod: Pod;
  state: PodState;
  observed: ObservedPod;
  waiting: WaitingMap;
  log: pino.Logger;
  sandboxId: string;
  podIP: string;
  trace: SyncTrace;
  /**
   * `observed` may not show what this pass did to the engine: observe again before the status.
   * A start or a new sandbox does not make it stale: their inspect answer is patched in.
   */
  stale: boolean;
  /** An event on the pod (the runtime's onEvent). */
  emit(type: PodEvent['type'], reason: string, message: string): void;
}

/** Read the pod back from Docker (after steps that changed more than one container). */
export async function observeAgain(deps: SyncDeps, p: Pass): Promise<void> {
  p.observed = await observePod(deps.observe, p.state.uid);
  p.trace.mark('observe');
}

/**
 * Inspect a container this pass created or started, and put the answer into the pass's
 * observation (and the cache): the status needs its start time, not another list.
 */
export async function inspectInto(deps: SyncDeps, p: Pass, id: string): Promise<ObservedContainer | undefined> {
  const c = fromInspect(await deps.opts.docker.inspectContainer(id), deps.opts.network.name);
  p.trace.mark('inspect');
  if (!c) {
    p.stale = true;
    return undefined;
  }
  deps.observe.cache.put(c);
  const list = c.kind === 'sandbox' ? 'sandboxes' : 'containers';
  p.observed = { ...p.observed, [list]: [c, ...p.observed[list].filter((o) => o.id !== id)].sort(byNewest) };
  return c;
}

/** Where an image step records waiting reasons and events for this pass. */
export function imageStepContext(p: Pass): ImageStepContext {
  return { uid: p.state.uid, waiting: p.waiting, emit: p.emit };
}
