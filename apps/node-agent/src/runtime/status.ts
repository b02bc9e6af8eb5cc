/**
 * Pod status as the kubelet reports it, computed as a pure function of the desired pod, what Docker
 * shows, the probe results, and the waiting reasons the last sync recorded (back-off, image and
 * config errors). lastTransitionTime and startTime carry over from the previous status so they only
 * move on real transitions.
 */
import type { Container, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '@tugboat/api';
import { podQOSClass } from '@tugboat/api';
import type { ObservedContainer, ObservedPod } from '../docker/observe.js';

export interface ProbeView {
  ready: boolean;
  started: boolean;
}

export interface StatusInput {
  pod: Pod;
  observed: ObservedPod;
  /** why a container is not running, by container name, as the last sync found it */
  waiting: ReadonlyMap<string, ContainerStateWaiting>;
  /** probe results of a running container instance */
  probes(containerId: string): ProbeView;
  hostIP: string;
  previous: PodStatus | undefined;
  now: string;
}

/** RFC 3339 in whole seconds, as Kubernetes serialises metav1.Time. */
export function rfc3339(t: string): string {
  return t.replace(/\.\d+Z$/, 'Z');
}

export function terminatedState(c: ObservedContainer): ContainerStateTerminated {
  const neverStarted = !c.startedAt && c.error !== '';
  const reason = c.oomKilled ? 'OOMKilled' : neverStarted ? 'StartError' : c.exitCode === 0 ? 'Completed' : 'Error';
  const t: ContainerStateTerminated = { exitCode: c.exitCode, reason, containerID: `docker://${c.id}` };
  if (neverStarted) t.message = c.error;
  t.startedAt = rfc3339(c.startedAt ?? c.createdAt);
  t.finishedAt = rfc3339(c.finishedAt ?? c.createdAt);
  return t;
}

/** An instance that is over: exited, dead, or created but refused by the engine at start. */
export function hasTerminated(c: ObservedContainer): boolean {
  return !c.running && (c.startedAt !== undefined || c.error !== '' || c.status === 'exited' || c.status === 'dead');
}

/** The newest instance of a spec container and the one before it (for lastState and logs --previous). */
export function instancesOf(observed: ObservedPod, name: string, kind: 'init' | 'app'): { latest?: ObservedContainer; previous?: ObservedContainer } {
  const list = observed.containers.filter((c) => c.containerName === name && c.kind === kind);
  return { latest: list[0], previous: list[1] };
}

function containerStatus(input: StatusInput, spec: Container, kind: 'init' | 'app', defaultWaiting: string): ContainerStatus {
  const { latest, previous } = instancesOf(input.observed, spec.name, kind);
  const waiting = input.waiting.get(spec.name);
  const status: ContainerStatus = {
    name: spec.name,
    state: { waiting: waiting ?? { reason: defaultWaiting } },
    lastState: {},
    ready: false,
    restartCount: latest?.restartCount ?? 0,
    image: spec.image ?? '',
    imageID: '',
    started: false,
  };
  if (!latest) return status;
  status.containerID = `docker://${latest.id}`;
  status.imageID = `docker://${latest.imageID}`;
  if (latest.running) {
    const probe = input.probes(latest.id);
    status.state = { running: { startedAt: rfc3339(latest.startedAt ?? latest.createdAt) } };
    status.ready = probe.ready;
    status.started = probe.started;
    if (previous && hasTerminated(previous)) status.lastState = { terminated: terminatedState(previous) };
  } else if (hasTerminated(latest)) {
    const terminated = terminatedState(latest);
    if (waiting) {
      status.state = { waiting };
      status.lastState = { terminated };
    } else {
      status.state = { terminated };
      if (previous && hasTerminated(previous)) status.lastState = { terminated: terminatedState(previous) };
    }
  } else {
    status.state = { waiting: waiting ?? { reason: 'ContainerCreating' } };
  }
  return status;
}

function succeeded(s: ContainerStatus): boolean {
  return s.state?.terminated?.exitCode === 0;
}

/** A container that failed and will not run again under restartPolicy Never. */
function failedForGood(s: ContainerStatus, policy: string): boolean {
  return policy === 'Never' && s.state?.terminated !== undefined && s.state.terminated.exitCode !== 0;
}

/** kubelet getPhase, for pods without sidecars. */
export function podPhase(pod: Pod, init: ContainerStatus[], app: ContainerStatus[]): PodPhase {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (init.some((s) => failedForGood(s, policy))) return 'Failed';
  if (!init.every(succeeded)) return 'Pending';
  let running = 0, waiting = 0, stopped = 0, ok = 0;
  for (const s of app) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) ok++;
    } else if (s.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === ok) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(input: StatusInput, type: string, ok: boolean, why: { reason?: string; message?: string } = {}): PodCondition {
  const { reason, message } = why;
  const status = ok ? 'True' : 'False';
  const prev = input.previous?.conditions?.find((c) => c.type === type);
  const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: prev?.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : input.now };
  if (!ok && reason) c.reason = reason;
  if (!ok && message) c.message = message;
  return c;
}

function names(list: ContainerStatus[]): string {
  return `[${list.map((s) => s.name).join(' ')}]`;
}

export function computePodStatus(input: StatusInput): PodStatus {
  const { pod, observed } = input;
  const spec = pod.spec ?? { containers: [] };
  const init = (spec.initContainers ?? []).map((c) => containerStatus(input, c, 'init', 'PodInitializing'));
  const initDone = init.every(succeeded);
  const app = spec.containers.map((c) => containerStatus(input, c, 'app', initDone ? 'ContainerCreating' : 'PodInitializing'));
  const phase = podPhase(pod, init, app);
  const completed = phase === 'Succeeded' || phase === 'Failed';

  const notInit = init.filter((s) => !succeeded(s));
  const notReady = app.filter((s) => !s.ready);
  const allReady = notReady.length === 0 && !completed;
  const readyReason = completed ? 'PodCompleted' : 'ContainersNotReady';
  const readyMessage = completed ? undefined : `containers with unready status: ${names(notReady)}`;
  const conditions: PodCondition[] = [
    condition(input, 'PodScheduled', true),
    condition(input, 'Initialized', initDone, { reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${names(notInit)}` }),
    condition(input, 'ContainersReady', allReady, { reason: readyReason, message: readyMessage }),
    condition(input, 'Ready', allReady, { reason: readyReason, message: readyMessage }),
  ];

  const sandbox = observed.sandboxes[0];
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    startTime: input.previous?.startTime ?? rfc3339(sandbox?.createdAt ?? input.now),
    containerStatuses: app,
    // The apiserver sets qosClass at creation; keep it (it never changes for a pod).
    qosClass: pod.status?.qosClass ?? podQOSClass(spec as unknown as Record<string, unknown>),
  };
  if (sandbox?.ip) {
    status.podIP = sandbox.ip;
    status.podIPs = [{ ip: sandbox.ip }];
  } else if (input.previous?.podIP) {
    // A stopped sandbox no longer shows its address; the pod keeps the one it had.
    status.podIP = input.previous.podIP;
    status.podIPs = input.previous.podIPs;
  }
  if (init.length) status.initContainerStatuses = init;
  return status;
}

