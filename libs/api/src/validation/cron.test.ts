import { describe, expect, it } from 'vitest';
import { cronScheduleError } from './cron.js';

describe('cronScheduleError', () => {
  it.each(['* * * * *', '0 0 * * 0', '*/15 9-17 * * MON-FRI', '0 0 1 JAN,JUL *', '@hourly', '@every 1h30m', '0 12 ? * *'])('%s is valid', (s) => {
    expect(cronScheduleError(s)).toBeUndefined();
  });
  it.each(['* * * *', '* * * * * *', '60 * * * *', '* 24 * * *', '* * 0 * *', '5-1 * * * *', '*/0 * * * *', '@sometimes', 'a b c d e'])('%s is invalid', (s) => {
    expect(cronScheduleError(s)).toBeTypeOf('string');
  });
});
