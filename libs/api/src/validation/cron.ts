/**
 * Cron schedules as the CronJob controller parses them (robfig/cron standard parser): five fields
 * (minute hour day-of-month month day-of-week) or a descriptor (@hourly, @every 1h…). Returns the
 * problem, or undefined when the schedule is valid.
 */

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function value(s: string, f: FieldSpec): number | undefined {
  const named = f.names?.indexOf(s.toUpperCase()) ?? -1;
  if (named >= 0) return named + (f.min === 1 ? 1 : 0);
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

function checkPart(part: string, f: FieldSpec): string | undefined {
  const [range = '', step, extra] = part.split('/');
  if (extra !== undefined || (step !== undefined && !/^\d+$/.test(step))) return `failed to parse int from ${step ?? part}`;
  if (step !== undefined && Number(step) === 0) return `step of range should be a positive number: ${part}`;
  if (range === '*' || range === '?') return undefined;
  const [lo = '', hi] = range.split('-');
  const a = value(lo, f);
  const b = hi === undefined ? a : value(hi, f);
  if (a === undefined || b === undefined) return `failed to parse int from ${a === undefined ? lo : hi}`;
  if (a < f.min) return `beginning of range (${a}) below minimum (${f.min}): ${part}`;
  if (b > f.max) return `end of range (${b}) above maximum (${f.max}): ${part}`;
  if (a > b) return `beginning of range (${a}) beyond end of range (${b}): ${part}`;
  return undefined;
}

export function cronScheduleError(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s.startsWith('@every ')) {
    return /^@every\s+(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(s) ? undefined : `failed to parse duration ${s}`;
  }
  if (s.startsWith('@')) return DESCRIPTORS.has(s) ? undefined : `unrecognized descriptor: ${s}`;
  const fields = s.split(/\s+/).filter((x) => x.length > 0);
  if (fields.length !== FIELDS.length) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (const [i, field] of fields.entries()) {
    for (const part of field.split(',')) {
      const err = checkPart(part, FIELDS[i]!);
      if (err) return err;
    }
  }
  return undefined;
}
