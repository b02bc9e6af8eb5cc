import { describe, expect, it } from 'vitest';
import { rfc3339 } from './time.js';

describe('rfc3339', () => {
  it('writes whole seconds in UTC', () => {
    expect(rfc3339(new Date('2026-11-22T10:00:00.987Z'))).toBe('2026-11-22T10:00:00Z');
    expect(rfc3339(Date.parse('2026-11-22T10:00:01.001Z'))).toBe('2026-11-22T10:00:01Z');
  });

  it('rounds down, before the epoch too', () => {
    expect(rfc3339(-1)).toBe('1969-12-31T23:59:59Z');
  });

  it('defaults to now', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const t = Date.parse(rfc3339());
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});
