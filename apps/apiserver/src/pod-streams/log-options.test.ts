import { describe, expect, it } from 'vitest';
import { parseLogOptions } from './log-options.js';

const q = (s: string) => new URLSearchParams(s);

describe('parseLogOptions', () => {
  it('reads what kubectl sends', () => {
    expect(parseLogOptions(q('container=c&follow=true&tailLines=10&timestamps=true&previous=true&limitBytes=500&sinceSeconds=300'))).toEqual({
      container: 'c',
      follow: true,
      previous: true,
      timestamps: true,
      tailLines: 10,
      limitBytes: 500,
      sinceSeconds: 300,
    });
  });

  it('defaults to a plain read of the default container', () => {
    expect(parseLogOptions(q(''))).toEqual({ container: undefined, follow: false, previous: false, timestamps: false });
  });

  it('accepts the boolean spellings Kubernetes accepts, and a bare flag as true', () => {
    expect(parseLogOptions(q('follow=1&timestamps=True&previous=0')).follow).toBe(true);
    expect(parseLogOptions(q('timestamps=True')).timestamps).toBe(true);
    expect(parseLogOptions(q('previous=0')).previous).toBe(false);
    expect(parseLogOptions(q('follow')).follow).toBe(true);
  });

  it('turns sinceTime into seconds, rounded up', () => {
    const now = new Date('2025-01-01T12:00:00.500Z');
    expect(parseLogOptions(q('sinceTime=2025-01-01T11:59:00Z'), now).sinceSeconds).toBe(61);
  });

  it.each([
    ['tailLines=abc', /tailLines/],
    ['tailLines=-1', /tailLines: must be greater than or equal to 0/],
    ['limitBytes=0', /limitBytes/],
    ['sinceSeconds=0', /sinceSeconds/],
    ['sinceSeconds=1.5', /sinceSeconds/],
    ['follow=maybe', /follow/],
    ['timestamps=yes', /timestamps/],
    ['sinceTime=yesterday', /sinceTime/],
    ['sinceSeconds=5&sinceTime=2025-01-01T11:59:00Z', /at most one of sinceTime or sinceSeconds/],
  ])('%s → 400 naming the parameter', (query, message) => {
    let err: unknown;
    try {
      parseLogOptions(q(query));
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(message) as unknown });
  });
});
