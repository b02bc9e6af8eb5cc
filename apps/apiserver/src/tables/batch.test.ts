import type { Condition, CronJob, Job } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { cronJobPrinter, jobCompletions, jobPrinter, jobStatus } from './batch.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const template = { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' as const } };

function job(spec: Partial<NonNullable<Job['spec']>>, status: Job['status'] = {}, deleting = false): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', creationTimestamp: '2025-01-01T11:50:00Z', ...(deleting ? { deletionTimestamp: '2025-01-01T11:59:00Z' } : {}) },
    spec: { template, ...spec },
    status,
  };
}
const cond = (type: string, status: Condition['status'] = 'True'): Condition => ({ type, status });

describe('job STATUS', () => {
  it.each<[string, Job, string]>([
    ['running', job({}), 'Running'],
    ['complete', job({}, { conditions: [cond('Complete')] }), 'Complete'],
    ['failed', job({}, { conditions: [cond('Failed')] }), 'Failed'],
    ['complete wins over deletion', job({}, { conditions: [cond('Complete')] }, true), 'Complete'],
    ['terminating', job({}, {}, true), 'Terminating'],
    ['suspended', job({ suspend: true }, { conditions: [cond('Suspended')] }), 'Suspended'],
    ['failure target', job({}, { conditions: [cond('FailureTarget')] }), 'FailureTarget'],
    ['a False condition does not count', job({}, { conditions: [cond('Complete', 'False')] }), 'Running'],
  ])('%s', (_name, j, want) => {
    expect(jobStatus(j)).toBe(want);
  });
});

describe('job COMPLETIONS', () => {
  it.each<[Partial<NonNullable<Job['spec']>>, number, string]>([
    [{ completions: 3 }, 2, '2/3'],
    [{}, 0, '0/1'],
    [{ parallelism: 1 }, 1, '1/1'],
    [{ parallelism: 4 }, 2, '2/1 of 4'],
  ])('%j with %d succeeded → %s', (spec, succeeded, want) => {
    expect(jobCompletions(job(spec, { succeeded }))).toBe(want);
  });
});

describe('job row', () => {
  it('DURATION runs to completion, or to now while running', () => {
    const finished = job({ completions: 1 }, { succeeded: 1, startTime: '2025-01-01T11:50:00Z', completionTime: '2025-01-01T11:50:42Z', conditions: [cond('Complete')] });
    expect(jobPrinter.cells(finished, NOW)).toEqual(['pi', 'Complete', '1/1', '42s', '10m', 'pi', 'perl', '<none>']);
    const runningJob = job({ completions: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } } }, { startTime: '2025-01-01T11:57:00Z' });
    expect(jobPrinter.cells(runningJob, NOW).slice(1, 4)).toEqual(['Running', '0/1', '3m']);
    expect(jobPrinter.cells(runningJob, NOW)[7]).toBe('batch.kubernetes.io/controller-uid=u1');
    expect(jobPrinter.cells(job({}), NOW)[3]).toBe('');
  });
});

describe('cronjob row', () => {
  const cj = (spec: Partial<NonNullable<CronJob['spec']>>, status: CronJob['status'] = {}): CronJob => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', creationTimestamp: '2025-01-01T10:00:00Z' },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } }, ...spec },
    status,
  });

  it('SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE', () => {
    expect(cronJobPrinter.columns.map((c) => c.name).slice(0, 7)).toEqual(['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age']);
    expect(cronJobPrinter.cells(cj({ suspend: false }, { active: [{ name: 'hello-1' }], lastScheduleTime: '2025-01-01T11:55:00Z' }), NOW)).toEqual([
      'hello',
      '*/5 * * * *',
      '<none>',
      'False',
      1,
      '5m',
      '120m',
      'pi',
      'perl',
      '<none>',
    ]);
    expect(cronJobPrinter.cells(cj({ timeZone: 'Etc/UTC', suspend: true }), NOW).slice(2, 6)).toEqual(['Etc/UTC', 'True', 0, '<none>']);
    expect(cronJobPrinter.cells(cj({}), NOW)[3]).toBe('<unset>');
  });
});
