/** batch/v1 validation: Job and CronJob (pkg/apis/batch/validation). */
import type { CronJob, Job, JobSpec } from '../types/batch.js';
import type { KubeObject } from '../types/meta.js';
import { immutable, nonNegative, oneOf, positive, validateLabelSelector, validateLabels } from './checks.js';
import { cronScheduleError } from './cron.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { deepEqual, recAt } from './narrow.js';
import { validatePodTemplate } from './pod.js';

const SPEC = FieldPath.root('spec');
const JOB_RESTART = ['OnFailure', 'Never'] as const;
const CRONJOB_NAME_MAX = 52; // leaves room for the 11-character suffix of the jobs it creates

export function validateJobSpec(spec: JobSpec | undefined, path: FieldPath): FieldError[] {
  if (!spec) return [fieldError.required(path)];
  const errs: FieldError[] = [];
  for (const k of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished'] as const) {
    errs.push(...nonNegative(path.child(k), spec[k]));
  }
  errs.push(...positive(path.child('activeDeadlineSeconds'), spec.activeDeadlineSeconds));
  errs.push(...oneOf(path.child('completionMode'), spec.completionMode, ['NonIndexed', 'Indexed']));
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) {
    errs.push(fieldError.required(path.child('completions'), 'when completion mode is Indexed'));
  }
  errs.push(...oneOf(path.child('podReplacementPolicy'), spec.podReplacementPolicy, ['TerminatingOrFailed', 'Failed']));
  errs.push(...validateLabelSelector(spec.selector, path.child('selector')));
  errs.push(...validatePodTemplate(spec.template, path.child('template'), JOB_RESTART));
  return errs;
}

export function validateJob(job: Job): FieldError[] {
  return validateJobSpec(job.spec, SPEC);
}

/** A Job's template, selector and completion settings are fixed once it exists. */
export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec = recAt(job, 'spec');
  const before = recAt(old, 'spec');
  return ['selector', 'template', 'completionMode'].flatMap((k) => immutable(SPEC.child(k), spec?.[k], before?.[k], deepEqual));
}

export function validateCronJob(cj: CronJob): FieldError[] {
  const spec = cj.spec;
  const errs: FieldError[] = [];
  const name = cj.metadata.name ?? '';
  if (name.length > CRONJOB_NAME_MAX) {
    errs.push(fieldError.invalid(FieldPath.root('metadata').child('name'), name, `must be no more than ${CRONJOB_NAME_MAX} characters`));
  }
  if (!spec) return [...errs, fieldError.required(SPEC)];
  const schedule = spec.schedule;
  if (!schedule) errs.push(fieldError.required(SPEC.child('schedule')));
  else if (/(^|\s)(CRON_)?TZ=/.test(schedule)) {
    errs.push(fieldError.invalid(SPEC.child('schedule'), schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  } else {
    const problem = cronScheduleError(schedule);
    if (problem) errs.push(fieldError.invalid(SPEC.child('schedule'), schedule, problem));
  }
  errs.push(...oneOf(SPEC.child('concurrencyPolicy'), spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace'], true));
  for (const k of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    errs.push(...nonNegative(SPEC.child(k), spec[k]));
  }
  const tpl = SPEC.child('jobTemplate');
  if (!spec.jobTemplate) return [...errs, fieldError.required(tpl)];
  errs.push(...validateLabels(spec.jobTemplate.metadata?.labels, tpl.child('metadata').child('labels')));
  errs.push(...validateJobSpec(spec.jobTemplate.spec, tpl.child('spec')));
  return errs;
}
