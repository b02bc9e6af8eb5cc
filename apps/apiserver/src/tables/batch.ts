/** batch/v1: Jobs (STATUS COMPLETIONS DURATION) and CronJobs (SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE). */
import type { Condition, CronJob, Job } from '@tugboat/api';
import { humanDuration, parseTime, since } from '@tugboat/api';
import { NONE, containerCells, formatBool, formatLabelSelector } from './format.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, ageOf, column, definePrinter, nameOf, wideColumn } from './printer.js';

const SELECTOR_COLUMN = wideColumn('Selector', 'A label query over pods that should match the pod count.');

/** The first condition of that type decides, as in kubectl's hasJobCondition. */
function hasCondition(conditions: readonly Condition[] | undefined, type: string): boolean {
  return conditions?.find((c) => c.type === type)?.status === 'True';
}

export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `2/3`, or without completions `1/1` (`0/1 of 4` when parallel). */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** From start to completion, or to now while running; empty before the job started. */
export function jobDuration(job: Job, now: Date): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime) ?? now.getTime();
  return humanDuration(end - start);
}

export const jobPrinter = definePrinter<Job>(
  [
    NAME_COLUMN,
    column('Status', 'Status of the job.'),
    column('Completions', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'Time required to complete the job.'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    SELECTOR_COLUMN,
  ],
  (job, now) => [
    nameOf(job),
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    ageOf(job, now),
    ...containerCells(job.spec?.template),
    formatLabelSelector(job.spec?.selector),
  ],
);

export const cronJobPrinter = definePrinter<CronJob>(
  [
    NAME_COLUMN,
    column('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
    column('Suspend', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.', { type: 'boolean' }),
    column('Active', 'A list of pointers to currently running jobs.', { type: 'integer' }),
    column('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    SELECTOR_COLUMN,
  ],
  (cj, now) => {
    const last = cj.status?.lastScheduleTime;
    return [
      nameOf(cj),
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? NONE,
      formatBool(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last ? since(last, now) : NONE,
      ageOf(cj, now),
      ...containerCells(cj.spec?.jobTemplate.spec?.template),
      formatLabelSelector(cj.spec?.jobTemplate.spec?.selector),
    ];
  },
);
