/**
 * The node's pod runtime on Docker. startRuntime wires the parts: a keyed work queue running
 * PodSyncer.sync(uid) per pod, Docker's event stream and a periodic relist (relist.ts) that only
 * enqueue uids, the probers, and the read paths (logs, exec, stats). See types.ts for the contract.
 */
import { errors } from '@tugboat/api';
import type { Pod } from '@tugboat/api';
import { podKey } from '../docker/container-spec.js';
import { watchContainerEvents } from '../docker/events.js';
import { execInContainer } from '../docker/exec.js';
import { containerLogs } from '../docker/logs.js';
import { ensureNetwork } from '../docker/network.js';
import { InspectCache, observePod } from '../docker/observe.js';
import { containerUsage } from '../docker/stats.js';
import { ProbeManager } from '../probes/probe-manager.js';
import { Backoff, DEFAULT_BACKOFF } from './backoff.js';
import { ImagePuller } from './image-step.js';
import { containerInstance, findPod } from './pod-access.js';
import type { PodState } from './pod-state.js';
import { newPodState } from './pod-state.js';
import { PodSyncer } from './pod-sync.js';
import { desiredChanged } from './desired.js';
import { Relister } from './relist.js';
import type { PodStats, Runtime, RuntimeOptions } from './types.js';
import { KeyedQueue } from './work-queue.js';

export const DEFAULT_PAUSE_IMAGE = 'tugboat/pause:1';
const DEFAULT_RESYNC_MS = 10_000;
/** Every pod gets a full sync every this many periods (kubelet: syncFrequency 1 min), spread over the period. */
const FULL_RESYNC_EVERY = 6;

export function startRuntime(options: RuntimeOptions): Runtime {
  const opts = { ...options, pauseImage: options.pauseImage ?? DEFAULT_PAUSE_IMAGE, logger: options.logger.child({ component: 'runtime' }) };
  const { docker, nodeName, logger } = opts;
  const states = new Map<string, PodState>();
  const backoff = new Backoff(opts.backoff ?? DEFAULT_BACKOFF);
  const observe = { docker, nodeName, network: opts.network.name, cache: new InspectCache() };
  let firstResyncDone = false;
  let closed = false;

  const queue: KeyedQueue = new KeyedQueue({
    handler: (uid, waitedMs) => syncer.sync(uid, waitedMs),
    onError: (uid, err) => logger.error({ err, uid }, 'pod sync failed; will retry'),
  });
  const probes = new ProbeManager(docker, (uid, container, containerId) => ({
    onChange: () => queue.enqueue(uid),
    onUnhealthy: (kind, message) => {
      const pod = states.get(uid)?.pod;
      if (pod) opts.onEvent(pod, { type: 'Warning', reason: 'Unhealthy', message: `${kind[0]!.toUpperCase()}${kind.slice(1)} probe failed: ${message}` });
    },
    onFailure: (kind, message) => {
      logger.info({ uid, container, kind, message }, 'probe failed for good; restarting container');
      states.get(uid)?.kills.set(container, { containerId, message: `Container ${container} failed ${kind} probe, will be restarted` });
      queue.enqueue(uid);
    },
  }));
  const images = new ImagePuller(docker, backoff, queue);
  const syncer = new PodSyncer({ opts, backoff, probes, queue, images, states, observe, collectOrphans: () => firstResyncDone });

  const stateOf = (uid: string): PodState => {
    let s = states.get(uid);
    if (!s) states.set(uid, (s = newPodState(uid)));
    return s;
  };

  const relister = new Relister(docker, nodeName);
  /** Enqueue every pod we know of, desired or found in Docker; `spreadMs` spreads them over that long. */
  const resyncAll = async (spreadMs = 0): Promise<void> => {
    const { present } = await relister.relist();
    for (const uid of new Set([...states.keys(), ...present])) {
      if (spreadMs > 0) queue.enqueueAfter(uid, Math.random() * spreadMs);
      else queue.enqueue(uid);
    }
  };
  const resyncMs = opts.resyncIntervalMs ?? DEFAULT_RESYNC_MS;
  let periods = 0;
  /** The safety net: pods whose containers changed unannounced; now and then every pod, without a burst. */
  const periodicResync = async (): Promise<void> => {
    if (++periods % FULL_RESYNC_EVERY === 0) return resyncAll(resyncMs);
    for (const uid of (await relister.relist()).changed) queue.enqueue(uid);
  };

  const events = watchContainerEvents({
    docker, nodeName, logger,
    onEvent: (e) => {
      observe.cache.forget(e.containerId);
      queue.enqueue(e.podUid);
    },
    onConnected: () => void resyncAll().catch((err: unknown) => logger.warn({ err }, 'resync after events reconnect failed')),
  });

  let resyncTimer: NodeJS.Timeout | undefined;
  const ready = (async () => {
    await ensureNetwork(docker, opts.network, nodeName, logger);
    const adopted = (await relister.relist()).present;
    logger.info({ pods: adopted.size }, 'adoption scan: found pods with containers on this node');
    await events.connected;
    if (closed) return;
    queue.start();
    resyncTimer = setInterval(() => void periodicResync().catch((err: unknown) => logger.warn({ err }, 'periodic resync failed')), resyncMs);
  })();

  const desiredPods = (): Pod[] => [...states.values()].flatMap((s) => (s.pod ? [s.pod] : []));

  return {
    ready,

    async close() {
      closed = true;
      clearInterval(resyncTimer);
      events.watch.close();
      probes.close();
      await queue.close();
      await ready.catch(() => undefined);
    },

    upsertPod(pod) {
      const uid = pod.metadata.uid;
      if (!uid) throw errors.badRequest(`pod ${podKey(pod)} has no uid`);
      const s = stateOf(uid);
      const changed = s.removed || desiredChanged(s.pod, pod);
      s.pod = pod;
      s.removed = false;
      if (changed) queue.enqueue(uid);
    },

    removePod(uid) {
      const s = stateOf(uid);
      s.pod = undefined;
      s.removed = true;
      queue.enqueue(uid);
    },

    resync(pods) {
      const wanted = new Set<string>();
      for (const pod of pods) {
        const uid = pod.metadata.uid;
        if (!uid) continue;
        wanted.add(uid);
        const s = stateOf(uid);
        s.pod = pod;
        s.removed = false;
      }
      for (const [uid, s] of states) {
        if (wanted.has(uid)) continue;
        s.pod = undefined;
        s.removed = true;
      }
      firstResyncDone = true;
      void resyncAll().catch((err: unknown) => logger.warn({ err }, 'resync failed'));
      for (const uid of states.keys()) queue.enqueue(uid);
    },

    refsChanged() {
      for (const s of states.values()) {
        if (s.pod && s.lastStatusJson?.includes('CreateContainerConfigError')) queue.enqueue(s.uid);
      }
    },

    async logs(ref, logOpts, signal) {
      const pod = findPod(desiredPods(), ref);
      const instance = await containerInstance(observe, pod, ref, logOpts.previous ?? false);
      return containerLogs(docker, instance.id, logOpts, signal);
    },

    async exec(ref, execOpts) {
      const pod = findPod(desiredPods(), ref);
      const instance = await containerInstance(observe, pod, ref, false);
      if (!instance.running) throw errors.badRequest(`container ${instance.containerName} is not running in pod ${ref.name}`);
      return execInContainer(docker, instance.id, execOpts);
    },

    async stats() {
      return Promise.all(desiredPods().map(async (pod): Promise<PodStats> => {
        const observed = await observePod(observe, pod.metadata.uid ?? '');
        const running = observed.containers.filter((c) => c.running && c.kind === 'app');
        const containers = await Promise.all(running.map(async (c) => ({ name: c.containerName, ...(await containerUsage(docker, c.id)) })));
        return { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '', timestamp: new Date().toISOString(), containers };
      }));
    },
  };
}
