/**
 * PodSpec defaults, written once and applied to Pods and to every workload's pod template
 * (SetDefaults_PodSpec and what it reaches), plus what only a Pod gets (SetDefaults_Pod and the
 * admission plugins that are on by default: DefaultTolerationSeconds, Priority).
 */
import type { KubeObject } from '../types/meta.js';
import { isRecord, recAt, recItems, setDefault, setDefaultString, type Rec } from '../validation/narrow.js';
import { defaultContainer, defaultHostNetworkPorts, defaultRequestsFromLimits } from './container.js';
import { stringifyQuantities, stringifyRequirements } from './quantities.js';
import { defaultPersistentVolumeClaimSpec } from './storage.js';
import { podQOSClass } from './qos.js';
import { defaultVolume } from './volume.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function containersOf(spec: Rec): Rec[] {
  return CONTAINER_LISTS.flatMap((k) => recItems(spec, k).map(([c]) => c));
}

export function defaultPodSpec(spec: Rec): void {
  setDefaultString(spec, 'dnsPolicy', 'ClusterFirst');
  setDefaultString(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefaultString(spec, 'schedulerName', 'default-scheduler');
  // v1 conversion keeps the deprecated serviceAccount mirror of serviceAccountName in step.
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  else if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
  for (const c of containersOf(spec)) defaultContainer(c);
  for (const [v] of recItems(spec, 'volumes')) {
    defaultVolume(v);
    const claim = recAt(recAt(recAt(v, 'ephemeral'), 'volumeClaimTemplate'), 'spec');
    if (claim) defaultPersistentVolumeClaimSpec(claim);
  }
  stringifyQuantities(spec, 'overhead');
  stringifyRequirements(spec.resources);
}

/** A pod template (`spec.template` of a workload): metadata and PodSpec, never Pod-only defaults. */
export function defaultPodTemplate(template: unknown): void {
  const spec = recAt(template, 'spec');
  if (spec) defaultPodSpec(spec);
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function toleratesNoExecute(tolerations: Rec[], key: string): boolean {
  return tolerations.some(
    (t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (t.effect === 'NoExecute' || !t.effect),
  );
}

/** DefaultTolerationSeconds: tolerate not-ready/unreachable nodes for 300 s unless the pod says otherwise. */
function defaultTolerations(spec: Rec): void {
  if (spec.tolerations !== undefined && !Array.isArray(spec.tolerations)) return;
  const list: unknown[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const recs = list.filter(isRecord);
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!toleratesNoExecute(recs, key)) list.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = list;
}

export function defaultPod(pod: KubeObject): void {
  const spec = recAt(pod, 'spec');
  if (!spec) return;
  defaultPodSpec(spec);
  for (const [c] of [...recItems(spec, 'initContainers'), ...recItems(spec, 'containers')]) {
    defaultRequestsFromLimits(c);
    if (spec.hostNetwork === true) defaultHostNetworkPorts(c);
  }
  setDefault(spec, 'enableServiceLinks', true);
  // Priority admission: no priority class and no global default → priority 0, preempting lower ones.
  setDefault(spec, 'priority', 0);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  defaultTolerations(spec);
  // A new pod starts Pending (the apiserver's create strategy says so before defaulting) with the QoS
  // class of its defaulted requests and limits, as PrepareForCreate sets it; the node agent owns
  // status afterwards and keeps the class.
  if (pod.status === undefined || pod.status === null) pod.status = { phase: 'Pending' };
  // a status that is not an object is left for validation to name
  if (isRecord(pod.status) && pod.status.qosClass === undefined) pod.status.qosClass = podQOSClass(spec);
}
