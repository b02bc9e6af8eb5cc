/**
 * Pods: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES), with STATUS and
 * RESTARTS computed exactly as kubectl 1.32 shows them (pkg/printers/internalversion printPod).
 */
import type { Condition, ContainerStateTerminated, ContainerStatus, Pod, PodStatus } from '@tugboat/api';
import { humanDuration, parseTime } from '@tugboat/api';
import { NONE, orNone } from './format.js';
import { AGE_COLUMN, NAME_COLUMN, ageOf, column, definePrinter, nameOf, wideColumn } from './printer.js';

export interface PodSummary {
  ready: number;
  total: number;
  /** the STATUS column: phase, reason, Init:x/y, CrashLoopBackOff, Completed, Terminating… */
  status: string;
  restarts: number;
  /** when a counted container last terminated (epoch ms), 0 when never */
  lastRestart: number;
}

interface Restarts {
  count: number;
  last: number;
}

function addRestarts(r: Restarts, cs: ContainerStatus): void {
  r.count += cs.restartCount ?? 0;
  r.last = Math.max(r.last, parseTime(cs.lastState?.terminated?.finishedAt) ?? 0);
}

function conditionTrue(conditions: readonly Condition[] | undefined, type: string): boolean {
  return conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** A terminated container's reason, or Signal:N / ExitCode:N when it gave none. */
function terminatedReason(t: ContainerStateTerminated): string {
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
}

interface InitScan {
  /** set while the pod is still initializing: Init:1/3, Init:CrashLoopBackOff, Init:ExitCode:1… */
  status?: string;
  ready: number;
  all: Restarts;
  /** restarts of sidecars (init containers with restartPolicy Always), which count once the pod runs */
  sidecars: Restarts;
}

function scanInitContainers(pod: Pod): InitScan {
  const specs = pod.spec?.initContainers ?? [];
  const sidecarNames = new Set(specs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const scan: InitScan = { ready: 0, all: { count: 0, last: 0 }, sidecars: { count: 0, last: 0 } };
  for (const [i, cs] of (pod.status?.initContainerStatuses ?? []).entries()) {
    const sidecar = sidecarNames.has(cs.name);
    addRestarts(scan.all, cs);
    if (sidecar) addRestarts(scan.sidecars, cs);
    const { terminated, waiting } = cs.state ?? {};
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) scan.ready++;
      continue;
    }
    if (terminated) scan.status = `Init:${terminatedReason(terminated)}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') scan.status = `Init:${waiting.reason}`;
    else scan.status = `Init:${i}/${specs.length}`;
    return scan;
  }
  return scan;
}

/** Main containers, last to first as kubectl walks them: the first one listed that is waiting or terminated names the status. */
function scanContainers(status: PodStatus, initial: string, restarts: Restarts): { status: string; ready: number } {
  let reason = initial;
  let ready = 0;
  let hasRunning = false;
  for (const cs of [...(status.containerStatuses ?? [])].reverse()) {
    addRestarts(restarts, cs);
    const { waiting, terminated, running } = cs.state ?? {};
    if (waiting?.reason) reason = waiting.reason;
    else if (terminated) reason = terminatedReason(terminated);
    else if (cs.ready && running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
  return { status: reason, ready };
}

export function summarizePod(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  const sidecarCount = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').length;
  const total = (pod.spec?.containers ?? []).length + sidecarCount;

  let reason: string = status.reason || phase;
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const init = scanInitContainers(pod);
  let ready = init.ready;
  let restarts = init.all;
  if (init.status !== undefined) reason = init.status;
  if (init.status === undefined || conditionTrue(status.conditions, 'Initialized')) {
    restarts = { ...init.sidecars };
    const main = scanContainers(status, reason, restarts);
    reason = main.status;
    ready += main.ready;
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }
  return { ready, total, status: reason, restarts: restarts.count, lastRestart: restarts.last };
}

/** `3`, or `3 (5m ago)` once a container has restarted and its last termination time is known. */
export function formatRestarts(s: Pick<PodSummary, 'restarts' | 'lastRestart'>, now: Date): string {
  if (s.restarts === 0 || s.lastRestart === 0) return String(s.restarts);
  return `${s.restarts} (${humanDuration(now.getTime() - s.lastRestart)} ago)`;
}

/** READINESS GATES: how many of the pod's gates have a True condition, `<none>` without gates. */
function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

export const podPrinter = definePrinter<Pod>(
  [
    NAME_COLUMN,
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    wideColumn('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    wideColumn('Node', 'NodeName indicates in which node this pod is scheduled.'),
    wideColumn('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.'),
    wideColumn('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.'),
  ],
  (pod, now) => {
    const s = summarizePod(pod);
    const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP;
    return [
      nameOf(pod),
      `${s.ready}/${s.total}`,
      s.status,
      formatRestarts(s, now),
      ageOf(pod, now),
      orNone(ip),
      orNone(pod.spec?.nodeName),
      orNone(pod.status?.nominatedNodeName),
      readinessGates(pod),
    ];
  },
);
