/**
 * sync(uid): one level-triggered pass over a pod. It reads the desired pod and what Docker has,
 * takes the next bounded, idempotent steps (sandbox, init containers in order, app containers with
 * restart policy and back-off, requested kills), then reports the status computed from what Docker
 * shows afterwards. The queue guarantees one sync per pod at a time; everything else (Docker events,
 * probes, timers, API changes) only enqueues the uid.
 *
 * This file is the order of the steps; each step has its own file (sandbox-step, init-containers,
 * app-containers, container-start, restart-backoff), as do the report (pod-report), the clean-up
 * (old-instances) and what the steps share (sync-pass).
 */
import { gracePeriodSeconds, podKey } from '../docker/container-spec.js';
import { observePod } from '../docker/observe.js';
import { syncAppContainer } from './app-containers.js';
import { stopContainer } from './docker-ops.js';
import { runInitContainers } from './init-containers.js';
import { collectOldInstances } from './old-instances.js';
import { reconcileProbes, report, statusInput } from './pod-report.js';
import { teardownPod } from './pod-teardown.js';
import { ensureSandbox } from './sandbox-step.js';
import { computePodStatus } from './status.js';
import type { Pass, SyncDeps } from './sync-pass.js';
import { observeAgain } from './sync-pass.js';
import { SLOW_SYNC_MS, SyncTrace } from './sync-trace.js';

export class PodSyncer {
  constructor(private readonly deps: SyncDeps) {}

  async sync(uid: string, queuedMs = 0): Promise<void> {
    const trace = new SyncTrace(queuedMs);
    const observed = await observePod(this.deps.observe, uid);
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
    const emit: Pass['emit'] = (type, reason, message) => this.deps.opts.onEvent(pod, { type, reason, message });
    const pass: Pass = { pod, state: state!, observed, waiting: new Map(), log, sandboxId: '', podIP: '', trace, stale: false, emit };
    await this.step(pass);
    if (pass.stale) await observeAgain(this.deps, pass);
    reconcileProbes(this.deps, pass);
    report(this.deps, pass);
    trace.mark('status');
    await collectOldInstances(this.deps.opts.docker, pass.observed);
    trace.mark('cleanup');
    if (trace.totalMs >= SLOW_SYNC_MS) log.info(trace.toJSON(), 'slow pod sync');
    else log.debug(trace.toJSON(), 'pod synced');
  }

  /** The next steps towards the desired pod; returns early whenever it must wait for Docker. */
  private async step(p: Pass): Promise<void> {
    if (await this.performKills(p)) await observeAgain(this.deps, p);
    const phase = computePodStatus(statusInput(this.deps, p)).phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      // Nothing will run in a finished pod again: release its sandbox (and IP) as the kubelet does.
      p.stale = true;
      await Promise.all(p.observed.sandboxes.filter((c) => c.running).map((c) => stopContainer(this.deps.opts.docker, c.id, 2)));
      return;
    }
    if (!(await ensureSandbox(this.deps, p))) return;
    if (!(await runInitContainers(this.deps, p))) return;
    for (const c of p.pod.spec?.containers ?? []) await syncAppContainer(this.deps, p, c);
  }

  /** Stop the instances whose kill was asked for (failed liveness or startup probe, changed spec); true when one was. */
  private async performKills(p: Pass): Promise<boolean> {
    let killed = false;
    for (const [name, req] of p.state.kills) {
      p.state.kills.delete(name);
      const target = p.observed.containers.find((c) => c.id === req.containerId && c.running);
      if (!target) continue;
      p.emit('Normal', 'Killing', req.message);
      p.log.info({ container: name, reason: req.message }, 'killing container');
      await stopContainer(this.deps.opts.docker, target.id, gracePeriodSeconds(p.pod));
      killed = true;
    }
    return killed;
  }
}
