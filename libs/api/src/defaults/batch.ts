/** batch/v1 defaults: Job and CronJob (SetDefaults_Job, SetDefaults_CronJob). */
import type { KubeObject } from '../types/meta.js';
import { recAt, recItems, setDefault, setDefaultString, strMapAt } from '../validation/narrow.js';
import { defaultPodTemplate } from './pod.js';

const MAX_INT32 = 2147483647;

export function defaultJob(obj: KubeObject): void {
  const spec = recAt(obj, 'spec');
  if (!spec) return;
  // Neither set: a non-parallel job, one pod to completion.
  if (spec.completions == null && spec.parallelism == null) spec.completions = 1;
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? MAX_INT32 : 6);
  setDefaultString(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const failurePolicy = recAt(spec, 'podFailurePolicy');
  for (const [rule] of recItems(failurePolicy, 'rules')) {
    for (const [cond] of recItems(rule, 'onPodConditions')) setDefaultString(cond, 'status', 'True');
  }
  setDefault(spec, 'podReplacementPolicy', failurePolicy ? 'Failed' : 'TerminatingOrFailed');
  // The job takes its template's labels when it has none of its own.
  const templateLabels = strMapAt(recAt(recAt(spec, 'template'), 'metadata'), 'labels');
  const labels = obj.metadata.labels;
  if (templateLabels && (!labels || Object.keys(labels).length === 0)) obj.metadata.labels = templateLabels;
  // restartPolicy is the PodSpec default like anywhere else; validation then demands OnFailure or Never.
  defaultPodTemplate(spec.template);
}

export function defaultCronJob(obj: KubeObject): void {
  const spec = recAt(obj, 'spec');
  if (!spec) return;
  setDefaultString(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  // The job template gets pod defaults only: job-level defaults come when the controller creates the Job.
  defaultPodTemplate(recAt(recAt(spec, 'jobTemplate'), 'spec')?.template);
}
