/**
 * sync(uid): one level-triggered pass over a pod. It reads the desired pod and what Docker has,
 * takes the next bounded, idempotent steps (sandbox, init containers in order, app containers with
 * restart policy and back-off, requested kills), then reports the status computed from what Docker
 * shows afterwards. The queue guarantees one sync per pod at a time; everything else (Docker events,
 * probes, timers, API changes) only enqueues the uid.
 */
import type pino from 'pino';
import { rfc3339 } from '@tugboat/api';
import type { Container, Pod } from '@tugboat/api';
import { appContainerSpec, containerSpecHash, gracePeriodSeconds, podDns, podKey, sandboxSpec } from '../docker/container-spec.js';
import type { InspectCache, ObserveContext, ObservedContainer, ObservedPod } from '../docker/observe.js';
import { engineMessage } from '../docker/images.js';
import { byNewest, fromInspect, isNotFound, observePod } from '../docker/observe.js';
import { containerVolumes } from '../docker/volumes.js';
import type { ProbeManager } from '../probes/probe-manager.js';
import type { Backoff } from './backoff.js';
import { BACKOFF_RESET_AFTER_RUN_MS, formatDuration } from './backoff.js';
import { createContainer, removeContainer, stopContainer } from './docker-ops.js';
import { resolveEnv } from './env.js';
import type { ImagePuller, ImageStepContext } from './image-step.js';
import type { PodState, WaitingMap } from './pod-state.js';
import { teardownPod } from './pod-teardown.js';
import { computePodStatus, hasTerminated, instancesOf } from './status.js';
import { SLOW_SYNC_MS, SyncTrace } from './sync-trace.js';
import type { PodEvent, RuntimeOptions } from './types.js';
import type { KeyedQueue } from './work-queue.js';
import type { EngineClient } from '../docker/engine-client.js';

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
interface Pass {
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
}

export class PodSyncer {
  private readonly docker: EngineClient;

  constructor(private readonly deps: SyncDeps) {
    this.docker = deps.opts.docker;
  }

  private event(pod: Pod, type: PodEvent['type'], reason: string, message: string): void {
    this.deps.opts.onEvent(pod, { type, reason, message });
  }

  private observe(uid: string): Promise<ObservedPod> {
    return observePod(this.deps.observe, uid);
  }

  async sync(uid: string, queuedMs = 0): Promise<void> {
    const trace = new SyncTrace(queuedMs);
    const observed = await this.observe(uid);
    trace.mark('observe');
    // Read the desired state after the await: an upsert or resync may have landed meanwhile, and a
    // stale "unknown pod" must never tear down a pod that is wanted.
    const state = this.deps.states.get(uid);
    const pod = state?.pod;
    if (!pod || pod.metadata.deletionTimestamp) {
      if (pod || state?.removed || this.deps.collectOrphans()) await teardownPod(this.deps, uid, state, observed);
      return;
    }
    const log = this.deps.opts.logger.child({ pod: podKey(pod), uid });
    const pass: Pass = { pod, state: state!, observed, waiting: new Map(), log, sandboxId: '', podIP: '', trace, stale: false };
    await this.step(pass);
    if (pass.stale) {
      pass.observed = await this.observe(uid);
      trace.mark('observe');
    }
    this.reconcileProbes(pass);
    this.report(pass);
    trace.mark('status');
    await this.collectOldInstances(pass.observed);
    trace.mark('cleanup');
    if (trace.totalMs >= SLOW_SYNC_MS) log.info(trace.toJSON(), 'slow pod sync');
    else log.debug(trace.toJSON(), 'pod synced');
  }

  /** The next steps towards the desired pod; returns early whenever it must wait for Docker. */
  private async step(p: Pass): Promise<void> {
    if (await this.performKills(p)) p.observed = await this.observe(p.state.uid);
    const phase = computePodStatus(this.statusInput(p)).phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      // Nothing will run in a finished pod again: release its sandbox (and IP) as the kubelet does.
      p.stale = true;
      await Promise.all(p.observed.sandboxes.filter((c) => c.running).map((c) => stopContainer(this.docker, c.id, 2)));
      return;
    }
    if (!(await this.ensureSandbox(p))) return;
    if (!(await this.runInitContainers(p))) return;
    for (const c of p.pod.spec?.containers ?? []) await this.syncAppContainer(p, c);
  }

  private async performKills(p: Pass): Promise<boolean> {
    let killed = false;
    for (const [name, req] of p.state.kills) {
      p.state.kills.delete(name);
      const target = p.observed.containers.find((c) => c.id === req.containerId && c.running);
      if (!target) continue;
      this.event(p.pod, 'Normal', 'Killing', req.message);
      p.log.info({ container: name, reason: req.message }, 'killing container');
      await stopContainer(this.docker, target.id, gracePeriodSeconds(p.pod));
      killed = true;
    }
    return killed;
  }

  /** A running sandbox with an IP; a dead one takes the pod's containers with it and is replaced. */
  private async ensureSandbox(p: Pass): Promise<boolean> {
    const current = p.observed.sandboxes[0];
    if (current?.running && current.ip) {
      p.sandboxId = current.id;
      p.podIP = current.ip;
      return true;
    }
    if (current) {
      p.log.warn({ sandbox: current.id }, 'sandbox is not running; recreating the pod sandbox');
      await Promise.all(p.observed.containers.filter((c) => c.running).map((c) => stopContainer(this.docker, c.id, gracePeriodSeconds(p.pod))));
      await removeContainer(this.docker, current.id);
    }
    const { opts } = this.deps;
    // The sandbox is no spec container: only its problems are worth an event.
    const quiet = { ...this.imageStepContext(p), emit: (type: PodEvent['type'], reason: string, message: string) => type === 'Warning' && this.event(p.pod, type, reason, message) };
    const pauseReady = await this.deps.images.ensure(quiet, { name: 'POD', image: opts.pauseImage, imagePullPolicy: 'IfNotPresent' });
    p.trace.mark('image');
    if (!pauseReady) return false;
    const key = `${p.state.uid}/POD`;
    const remaining = this.deps.backoff.remaining(key, p.state.sandboxFailedAt ?? 0);
    if (remaining > 0) {
      this.deps.queue.enqueueAfter(p.state.uid, remaining);
      return false;
    }
    const spec = sandboxSpec({
      pod: p.pod, nodeName: opts.nodeName, network: opts.network.name, pauseImage: opts.pauseImage,
      dns: podDns(p.pod, opts.clusterDNS, opts.clusterDomain), attempt: current ? current.restartCount + 1 : 0,
    });
    const sandboxId = await createContainer(this.docker, spec).catch((err: unknown) => {
      if (isNotFound(err)) this.deps.images.forgetImage(opts.pauseImage);
      throw err;
    });
    p.trace.mark('create');
    try {
      await this.docker.startContainer(sandboxId);
      p.trace.mark('start');
    } catch (err) {
      // e.g. a hostPort already taken: the pod stays Pending, with an event, and is retried with back-off.
      p.stale = true;
      const message = engineMessage(err);
      await removeContainer(this.docker, sandboxId);
      this.deps.backoff.next(key);
      p.state.sandboxFailedAt = Date.now();
      this.event(p.pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${message}`);
      p.log.warn({ err: message }, 'pod sandbox failed to start');
      this.deps.queue.enqueueAfter(p.state.uid, this.deps.backoff.delay(key));
      return false;
    }
    this.deps.backoff.reset(key);
    const sandbox = await this.inspectInto(p, sandboxId);
    p.sandboxId = sandboxId;
    p.podIP = sandbox?.ip ?? '';
    p.log.info({ sandbox: sandboxId, podIP: p.podIP }, 'pod sandbox started');
    if (current) {
      // the old sandbox's containers were stopped and it was removed: read it all back
      p.observed = await this.observe(p.state.uid);
      p.trace.mark('observe');
    }
    return p.podIP !== '';
  }

  /**
   * Inspect a container this pass created or started, and put the answer into the pass's
   * observation (and the cache): the status needs its start time, not another list.
   */
  private async inspectInto(p: Pass, id: string): Promise<ObservedContainer | undefined> {
    const c = fromInspect(await this.docker.inspectContainer(id), this.deps.opts.network.name);
    p.trace.mark('inspect');
    if (!c) {
      p.stale = true;
      return undefined;
    }
    this.deps.observe.cache.put(c);
    const list = c.kind === 'sandbox' ? 'sandboxes' : 'containers';
    p.observed = { ...p.observed, [list]: [c, ...p.observed[list].filter((o) => o.id !== id)].sort(byNewest) };
    return c;
  }

  /** Init containers one at a time, in order; true once all have completed successfully. */
  private async runInitContainers(p: Pass): Promise<boolean> {
    const policy = p.pod.spec?.restartPolicy ?? 'Always';
    for (const c of p.pod.spec?.initContainers ?? []) {
      const { latest } = instancesOf(p.observed, c.name, 'init');
      if (latest && hasTerminated(latest) && latest.exitCode === 0) continue;
      if (latest?.running) return false;
      if (latest && !hasTerminated(latest)) {
        await this.startExisting(p, c, latest);
        return false;
      }
      if (latest && (policy === 'Never' || !this.mayRestart(p, c, latest))) return false;
      await this.startNew(p, c, 'init', latest ? latest.restartCount + 1 : 0);
      return false;
    }
    return true;
  }

  private async syncAppContainer(p: Pass, c: Container): Promise<void> {
    const { latest } = instancesOf(p.observed, c.name, 'app');
    if (latest?.running) {
      if (latest.specHash && latest.specHash !== containerSpecHash(c)) {
        p.state.kills.set(c.name, { containerId: latest.id, message: `Container ${c.name} definition changed, will be restarted` });
        this.deps.queue.enqueue(p.state.uid);
      }
      return;
    }
    if (latest && !hasTerminated(latest)) return this.startExisting(p, c, latest);
    if (latest) {
      const policy = p.pod.spec?.restartPolicy ?? 'Always';
      const restart = policy === 'Always' || (policy === 'OnFailure' && latest.exitCode !== 0);
      if (!restart || !this.mayRestart(p, c, latest)) return;
    }
    await this.startNew(p, c, 'app', latest ? latest.restartCount + 1 : 0);
  }

  /** kubelet doBackOff: restart now and arm the back-off, or wait (CrashLoopBackOff) and come back when it ends. */
  private mayRestart(p: Pass, c: Container, dead: ObservedContainer): boolean {
    const key = `${p.state.uid}/${c.name}`;
    const ranMs = dead.startedAt && dead.finishedAt ? Date.parse(dead.finishedAt) - Date.parse(dead.startedAt) : 0;
    if (ranMs >= BACKOFF_RESET_AFTER_RUN_MS) this.deps.backoff.reset(key);
    const remaining = this.deps.backoff.remaining(key, Date.parse(dead.finishedAt ?? dead.createdAt));
    if (remaining > 0) {
      const { name = '', namespace = 'default' } = p.pod.metadata;
      p.waiting.set(c.name, {
        reason: 'CrashLoopBackOff',
        message: `back-off ${formatDuration(this.deps.backoff.delay(key))} restarting failed container=${c.name} pod=${name}_${namespace}(${p.state.uid})`,
      });
      this.deps.queue.enqueueAfter(p.state.uid, remaining);
      return false;
    }
    this.deps.backoff.next(key);
    return true;
  }

  private imageStepContext(p: Pass): ImageStepContext {
    return { uid: p.state.uid, waiting: p.waiting, emit: (type, reason, message) => this.event(p.pod, type, reason, message) };
  }

  private async startNew(p: Pass, c: Container, kind: 'init' | 'app', attempt: number): Promise<void> {
    const imageReady = await this.deps.images.ensure(this.imageStepContext(p), c);
    p.trace.mark('image');
    if (!imageReady) return;
    const { opts } = this.deps;
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
      created = await createContainer(this.docker, spec);
      p.trace.mark('create');
    } catch (err) {
      // a leftover of the same name may have been removed on the way
      p.stale = true;
      if (isNotFound(err)) this.deps.images.forgetImage(c.image ?? '');
      const message = engineMessage(err);
      p.waiting.set(c.name, { reason: 'CreateContainerError', message });
      this.event(p.pod, 'Warning', 'Failed', `Error: ${message}`);
      this.deps.queue.enqueueAfter(p.state.uid, 5_000);
      return;
    }
    this.event(p.pod, 'Normal', 'Created', `Created container ${c.name}`);
    await this.start(p, c, created);
  }

  /** An instance that was created but never started (an agent stopped in between). */
  private startExisting(p: Pass, c: Container, instance: ObservedContainer): Promise<void> {
    return this.start(p, c, instance.id);
  }

  private async start(p: Pass, c: Container, id: string): Promise<void> {
    try {
      await this.docker.startContainer(id);
      p.trace.mark('start');
      this.event(p.pod, 'Normal', 'Started', `Started container ${c.name}`);
      p.log.info({ container: c.name, id }, 'container started');
    } catch (err) {
      p.stale = true;
      // The instance stays "created" with State.Error: status shows StartError and the restart policy applies.
      const message = engineMessage(err);
      this.event(p.pod, 'Warning', 'Failed', `Error: failed to start container "${c.name}": ${message}`);
      p.log.warn({ container: c.name, err: message }, 'container failed to start');
      this.deps.queue.enqueue(p.state.uid);
      return;
    }
    // A container removed right after its start is simply gone: the next list shows it.
    await this.inspectInto(p, id).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
      p.stale = true;
    });
  }

  private statusInput(p: Pass): Parameters<typeof computePodStatus>[0] {
    return {
      pod: p.pod,
      observed: p.observed,
      waiting: p.waiting,
      probes: (id) => this.deps.probes.view(p.state.uid, id),
      hostIP: this.deps.opts.hostIP,
      previous: p.state.lastStatus ?? p.pod.status,
      now: rfc3339(),
    };
  }

  private reconcileProbes(p: Pass): void {
    const specs = new Map((p.pod.spec?.containers ?? []).map((c) => [c.name, c]));
    const running = p.observed.containers.flatMap((o) => {
      const spec = o.kind === 'app' && o.running ? specs.get(o.containerName) : undefined;
      return spec ? [{ id: o.id, spec }] : [];
    });
    const podIP = p.podIP || p.observed.sandboxes[0]?.ip || '';
    this.deps.probes.reconcile(p.state.uid, podIP, running);
  }

  private report(p: Pass): void {
    const status = computePodStatus(this.statusInput(p));
    this.emitWaitingEvents(p);
    const json = JSON.stringify(status);
    if (json === p.state.lastStatusJson) return;
    p.state.lastStatus = status;
    p.state.lastStatusJson = json;
    this.deps.opts.onPodStatus(p.pod, status);
  }

  /** Events for waiting reasons, once per transition (and per crashed instance for back-off). */
  private emitWaitingEvents(p: Pass): void {
    const { name = '', namespace = 'default' } = p.pod.metadata;
    const next = new Map<string, string>();
    for (const [container, w] of p.waiting) {
      const latest = instancesOf(p.observed, container, 'app').latest ?? instancesOf(p.observed, container, 'init').latest;
      const key = `${w.reason}|${latest?.id ?? ''}`;
      next.set(container, key);
      if (p.state.lastWaiting.get(container) === key) continue;
      if (w.reason === 'CrashLoopBackOff') this.event(p.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${name}_${namespace}(${p.state.uid})`);
      if (w.reason === 'CreateContainerConfigError') this.event(p.pod, 'Warning', 'Failed', `Error: ${w.message ?? ''}`);
    }
    p.state.lastWaiting = next;
  }

  /** Keep the newest instance of each container and the one before it (logs --previous); remove older ones. */
  private async collectOldInstances(observed: ObservedPod): Promise<void> {
    const seen = new Map<string, number>();
    const doomed: string[] = [];
    for (const c of [...observed.sandboxes, ...observed.containers]) {
      const key = `${c.kind}/${c.containerName}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const keep = c.kind === 'sandbox' ? 1 : 2;
      if (n > keep && !c.running) doomed.push(c.id);
    }
    await Promise.all(doomed.map((id) => removeContainer(this.docker, id)));
  }
}
