/** batch/v1 rules (batch.ts): Job and CronJob. */
import { expect } from 'vitest';
import { spec, testCreates, testUpdates, tplSpec } from '../testing/validation.js';

testCreates([
  ['job restartPolicy', 'Job', (o) => (tplSpec(o).restartPolicy = 'Always'), [
    'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
  ]],
  ['cron schedule', 'CronJob', (o) => (spec(o).schedule = '61 * * * *'), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
  ['cron TZ', 'CronJob', (o) => (spec(o).schedule = 'TZ=UTC 0 * * * *'), [
    'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
  ]],
]);

testUpdates([
  ['job template', 'Job', (o) => (tplSpec(o).restartPolicy = 'OnFailure'), [expect.stringMatching(/^spec\.template: Invalid value: .*: field is immutable$/) as unknown as string]],
]);
