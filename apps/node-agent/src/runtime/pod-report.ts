/**
 * What a sync pass makes known once its steps are done: the probes to run on the app containers
 * that run, and the pod status computed from what Docker shows, sent only when it changed, with an
 * event per new waiting reason.
 */
import { rfc3339 } from '@tugboat/api';
import type { StatusInput } from './status.js';
import { computePodStatus, instancesOf } from './status.js';
import type { Pass, SyncDeps } from './sync-pass.js';

export function statusInput(deps: SyncDeps, p: Pass): StatusInput {
  return {
    pod: p.pod,
    observed: p.observed,
    waiting: p.waiting,
    probes: (id) => deps.probes.view(p.state.uid, id),
    hostIP: deps.opts.hostIP,
    previous: p.state.lastStatus ?? p.pod.status,
    now: rfc3339(),
  };
}

export function reconcileProbes(deps: SyncDeps, p: Pass): void {
  const specs = new Map((p.pod.spec?.containers ?? []).map((c) => [c.name, c]));
  const running = p.observed.containers.flatMap((o) => {
    const spec = o.kind === 'app' && o.running ? specs.get(o.containerName) : undefined;
    return spec ? [{ id: o.id, spec }] : [];
  });
  const podIP = p.podIP || p.observed.sandboxes[0]?.ip || '';
  deps.probes.reconcile(p.state.uid, podIP, running);
}

export function report(deps: SyncDeps, p: Pass): void {
  const status = computePodStatus(statusInput(deps, p));
  emitWaitingEvents(p);
  const json = JSON.stringify(status);
  if (json === p.state.lastStatusJson) return;
  p.state.lastStatus = status;
  p.state.lastStatusJson = json;
  deps.opts.onPodStatus(p.pod, status);
}

/** Events for waiting reasons, once per transition (and per crashed instance for back-off). */
function emitWaitingEvents(p: Pass): void {
  const { name = '', namespace = 'default' } = p.pod.metadata;
  const next = new Map<string, string>();
  for (const [container, w] of p.waiting) {
    const latest = instancesOf(p.observed, container, 'app').latest ?? instancesOf(p.observed, container, 'init').latest;
    const key = `${w.reason}|${latest?.id ?? ''}`;
    next.set(container, key);
    if (p.state.lastWaiting.get(container) === key) continue;
    if (w.reason === 'CrashLoopBackOff') p.emit('Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${name}_${namespace}(${p.state.uid})`);
    if (w.reason === 'CreateContainerConfigError') p.emit('Warning', 'Failed', `Error: ${w.message ?? ''}`);
  }
  p.state.lastWaiting = next;
}
