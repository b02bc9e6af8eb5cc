/**
 * PodSpec validation, written once: Pods, and the pod template of every workload, go through here.
 * Plus the Pod-only rules: the update restrictions and the image requirement.
 */
import type { Pod, PodSpec, PodTemplateSpec } from '../types/pod.js';
import type { Toleration } from '../types/affinity.js';
import { duplicates, nameErrors, nonNegative, oneOf, positive, validateLabels } from './checks.js';
import { validateContainer, validateResources } from './container.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names.js';
import { deepEqual } from './narrow.js';
import { validateVolumes } from './volume.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
const TOLERATION_OPS = ['Equal', 'Exists'] as const;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export interface PodSpecOptions {
  /** Pods need images; templates may leave them out. */
  requireImage: boolean;
  /** Volume names provided from outside the spec: a StatefulSet's claim templates. */
  extraVolumes?: readonly string[];
}

function validateTolerations(list: Toleration[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (list ?? []).forEach((t, i) => {
    const p = path.index(i);
    if (t.key) errs.push(...nameErrors(p.child('key'), t.key, isQualifiedName));
    errs.push(...oneOf(p.child('operator'), t.operator, TOLERATION_OPS));
    if (!t.key && t.operator !== 'Exists') errs.push(fieldError.invalid(p.child('operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.operator === 'Exists' && t.value) errs.push(fieldError.invalid(p.child('operator'), t.value, 'value must be empty when `operator` is \'Exists\''));
    errs.push(...oneOf(p.child('effect'), t.effect, TAINT_EFFECTS));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(fieldError.invalid(p.child('effect'), t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'));
    }
  });
  return errs;
}

function validateContainers(spec: PodSpec, path: FieldPath, opts: PodSpecOptions): FieldError[] {
  const volumes = new Set([...(spec.volumes ?? []).map((v) => v.name), ...(opts.extraVolumes ?? [])]);
  const errs: FieldError[] = [];
  if (!spec.containers?.length) errs.push(fieldError.required(path.child('containers')));
  const lists = [['initContainers', spec.initContainers], ['containers', spec.containers]] as const;
  for (const [key, list] of lists) {
    (list ?? []).forEach((c, i) => {
      errs.push(...validateContainer(c, path.child(key).index(i), { volumes, requireImage: opts.requireImage, init: key === 'initContainers' }));
    });
  }
  // Names are unique across init and app containers.
  const all = [...(spec.initContainers ?? []).map((c, i) => [c.name, path.child('initContainers').index(i)] as const),
    ...(spec.containers ?? []).map((c, i) => [c.name, path.child('containers').index(i)] as const)];
  errs.push(...duplicates(all.map(([n]) => n), (i) => all[i]![1].child('name')));
  return errs;
}

export function validatePodSpec(spec: PodSpec, path: FieldPath, opts: PodSpecOptions): FieldError[] {
  const errs = [...validateVolumes(spec.volumes, path.child('volumes')), ...validateContainers(spec, path, opts)];
  errs.push(...oneOf(path.child('restartPolicy'), spec.restartPolicy, RESTART_POLICIES, true));
  errs.push(...oneOf(path.child('dnsPolicy'), spec.dnsPolicy, DNS_POLICIES, true));
  errs.push(...nonNegative(path.child('terminationGracePeriodSeconds'), spec.terminationGracePeriodSeconds));
  errs.push(...positive(path.child('activeDeadlineSeconds'), spec.activeDeadlineSeconds));
  errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  if (spec.serviceAccountName) errs.push(...nameErrors(path.child('serviceAccountName'), spec.serviceAccountName, isDNS1123Subdomain));
  if (spec.nodeName) errs.push(...nameErrors(path.child('nodeName'), spec.nodeName, isDNS1123Subdomain));
  if (spec.hostname) errs.push(...nameErrors(path.child('hostname'), spec.hostname, isDNS1123Label));
  if (spec.subdomain) errs.push(...nameErrors(path.child('subdomain'), spec.subdomain, isDNS1123Label));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig?.nameservers?.length) {
    errs.push(fieldError.required(path.child('dnsConfig').child('nameservers'), 'must provide at least one DNS nameserver when DNSPolicy is set to "None"'));
  }
  errs.push(...validateResources(spec.resources, path.child('resources')));
  return errs;
}

/** A workload's `spec.template`: labels, and the PodSpec with the restart policies its owner accepts. */
export function validatePodTemplate(
  tpl: PodTemplateSpec | undefined,
  path: FieldPath,
  restartPolicies: readonly string[],
  extraVolumes: readonly string[] = [],
): FieldError[] {
  if (!tpl) return [fieldError.required(path)];
  const errs = validateLabels(tpl.metadata?.labels, path.child('metadata').child('labels'));
  if (!tpl.spec) return [...errs, fieldError.required(path.child('spec').child('containers'))];
  errs.push(...validatePodSpec(tpl.spec, path.child('spec'), { requireImage: false, extraVolumes }));
  const policy = tpl.spec.restartPolicy ?? '';
  if (RESTART_POLICIES.some((p) => p === policy) && !restartPolicies.includes(policy)) {
    errs.push(fieldError.notSupported(path.child('spec').child('restartPolicy'), tpl.spec.restartPolicy ?? '', restartPolicies));
  }
  return errs;
}

export function validatePod(pod: Pod): FieldError[] {
  if (!pod.spec) return [fieldError.required(FieldPath.root('spec').child('containers'))];
  return validatePodSpec(pod.spec, FieldPath.root('spec'), { requireImage: true });
}

const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Only images, activeDeadlineSeconds (set or lowered) and added tolerations may change in a Pod's spec. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const spec = pod.spec;
  const before = old.spec;
  if (!spec || !before) return [];
  const errs: FieldError[] = [];
  const root = FieldPath.root('spec');
  const was = before.activeDeadlineSeconds;
  const now = spec.activeDeadlineSeconds;
  if (was !== undefined && (now === undefined || now > was)) {
    errs.push(fieldError.invalid(root.child('activeDeadlineSeconds'), now ?? null, 'must be less than or equal to previous value'));
  }
  const kept = (before.tolerations ?? []).every((t) => (spec.tolerations ?? []).some((n) => deepEqual(n, t)));
  if (!kept) errs.push(fieldError.forbidden(root.child('tolerations'), 'existing toleration can not be modified except its tolerationSeconds'));
  // Compare everything else: the new spec with the mutable fields taken back from the old one.
  const normalized: PodSpec = {
    ...spec,
    activeDeadlineSeconds: before.activeDeadlineSeconds,
    tolerations: before.tolerations,
    containers: spec.containers?.map((c, i) => ({ ...c, image: before.containers?.[i]?.image })),
    initContainers: spec.initContainers?.map((c, i) => ({ ...c, image: before.initContainers?.[i]?.image })),
  };
  if (!spec.initContainers) delete normalized.initContainers;
  if (!deepEqual(normalized, before)) errs.push(fieldError.forbidden(root, POD_UPDATE_MESSAGE));
  return errs;
}
