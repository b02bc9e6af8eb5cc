/** apps/v1 validation: Deployment, ReplicaSet, StatefulSet, DaemonSet (pkg/apis/apps/validation). */
import { labelSelectorRequirements, labelsMatch } from '../selectors.js';
import type { DaemonSet, Deployment, DeploymentStrategy, ReplicaSet, StatefulSet } from '../types/apps.js';
import type { PodTemplateSpec } from '../types/pod.js';
import type { KubeObject, LabelSelector } from '../types/meta.js';
import { immutable, intOrPercent, nameErrors, nonNegative, oneOf, validateLabelSelector } from './checks.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isDNS1123Label } from './names.js';
import { deepEqual, recAt } from './narrow.js';
import { validatePodTemplate } from './pod.js';
import { validatePersistentVolumeClaimSpec } from './storage.js';

const SPEC = FieldPath.root('spec');

interface WorkloadSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

/** Selector present, non-empty, valid and matching the template's labels; then the template itself. */
export function validateSelectorAndTemplate(
  spec: { selector?: LabelSelector; template?: PodTemplateSpec },
  owner: string,
  restartPolicies: readonly string[],
  extraVolumes: readonly string[] = [],
): FieldError[] {
  const root = SPEC;
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (!sel) errs.push(fieldError.required(root.child('selector')));
  else {
    errs.push(...validateLabelSelector(sel, root.child('selector')));
    const reqs = labelSelectorRequirements(sel);
    if (reqs.length === 0) errs.push(fieldError.invalid(root.child('selector'), sel, `empty selector is invalid for ${owner}`));
    else if (!labelsMatch(reqs, spec.template?.metadata?.labels)) {
      errs.push(fieldError.invalid(root.child('template').child('metadata').child('labels'), spec.template?.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
    }
  }
  errs.push(...validatePodTemplate(spec.template, root.child('template'), restartPolicies, extraVolumes));
  return errs;
}

function validateWorkloadSpec(spec: WorkloadSpec | undefined, owner: string, claims: readonly string[] = []): FieldError[] {
  if (!spec) return [fieldError.required(SPEC)];
  return [
    ...nonNegative(SPEC.child('replicas'), spec.replicas),
    ...nonNegative(SPEC.child('minReadySeconds'), spec.minReadySeconds),
    ...nonNegative(SPEC.child('revisionHistoryLimit'), spec.revisionHistoryLimit),
    ...validateSelectorAndTemplate(spec, owner, ['Always'], claims),
  ];
}

function validateStrategy(s: DeploymentStrategy | undefined, path: FieldPath): FieldError[] {
  if (!s) return [];
  const errs = oneOf(path.child('type'), s.type, ['Recreate', 'RollingUpdate'], true);
  const ru = s.rollingUpdate;
  if (s.type === 'Recreate' && ru) {
    errs.push(fieldError.forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  }
  if (s.type === 'RollingUpdate' && ru) {
    const p = path.child('rollingUpdate');
    errs.push(...intOrPercent(p.child('maxUnavailable'), ru.maxUnavailable), ...intOrPercent(p.child('maxSurge'), ru.maxSurge, false));
    const zero = (v: number | string | undefined): boolean => v === 0 || v === '0%';
    if (zero(ru.maxUnavailable) && zero(ru.maxSurge)) {
      errs.push(fieldError.invalid(p.child('maxUnavailable'), ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return errs;
}

export function validateDeployment(d: Deployment): FieldError[] {
  const spec = d.spec;
  const errs = validateWorkloadSpec(spec, 'deployment');
  if (!spec) return errs;
  errs.push(...validateStrategy(spec.strategy, SPEC.child('strategy')));
  const deadline = spec.progressDeadlineSeconds;
  errs.push(...nonNegative(SPEC.child('progressDeadlineSeconds'), deadline));
  if (deadline !== undefined && deadline <= (spec.minReadySeconds ?? 0)) {
    errs.push(fieldError.invalid(SPEC.child('progressDeadlineSeconds'), deadline, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return validateWorkloadSpec(rs.spec, 'replicaset');
}

export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  const spec = sts.spec;
  const claims = (spec?.volumeClaimTemplates ?? []).flatMap((c) => (c.metadata?.name ? [c.metadata.name] : []));
  const errs = validateWorkloadSpec(spec, 'statefulset', claims);
  if (!spec) return errs;
  if (spec.serviceName) errs.push(...nameErrors(SPEC.child('serviceName'), spec.serviceName, isDNS1123Label));
  errs.push(...oneOf(SPEC.child('podManagementPolicy'), spec.podManagementPolicy, ['OrderedReady', 'Parallel'], true));
  const us = spec.updateStrategy;
  errs.push(...oneOf(SPEC.child('updateStrategy').child('type'), us?.type, ['OnDelete', 'RollingUpdate'], true));
  errs.push(...nonNegative(SPEC.child('updateStrategy').child('rollingUpdate').child('partition'), us?.rollingUpdate?.partition));
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  for (const k of ['whenDeleted', 'whenScaled'] as const) {
    errs.push(...oneOf(SPEC.child('persistentVolumeClaimRetentionPolicy').child(k), retention?.[k], ['Retain', 'Delete'], true));
  }
  (spec.volumeClaimTemplates ?? []).forEach((c, i) => {
    const p = SPEC.child('volumeClaimTemplates').index(i);
    if (!c.metadata?.name) errs.push(fieldError.required(p.child('metadata').child('name')));
    errs.push(...validatePersistentVolumeClaimSpec(c.spec, p.child('spec')));
  });
  return errs;
}

export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  const spec = ds.spec;
  const errs = validateWorkloadSpec(spec, 'daemonset');
  if (!spec) return errs;
  const us = spec.updateStrategy;
  const p = SPEC.child('updateStrategy');
  errs.push(...oneOf(p.child('type'), us?.type, ['OnDelete', 'RollingUpdate'], true));
  const ru = us?.rollingUpdate;
  if (ru) {
    errs.push(...intOrPercent(p.child('rollingUpdate').child('maxUnavailable'), ru.maxUnavailable));
    errs.push(...intOrPercent(p.child('rollingUpdate').child('maxSurge'), ru.maxSurge));
  }
  return errs;
}

/** apps/v1 selectors never change after creation. */
export function validateSelectorUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return immutable(SPEC.child('selector'), recAt(obj, 'spec')?.selector, recAt(old, 'spec')?.selector, deepEqual);
}
