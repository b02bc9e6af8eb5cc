import { describe, expect, it } from 'vitest';
import { age, humanDuration } from './duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (kubectl HumanDuration)', () => {
  it.each([
    [-5 * S, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [45 * S, '45s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [3 * M + 20 * S, '3m20s'],
    [10 * M + 5 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [5 * H + 30 * M, '5h30m'],
    [20 * H, '20h'],
    [2 * D, '2d'],
    [3 * D + 4 * H, '3d4h'],
    [30 * D, '30d'],
    [2 * 365 * D, '2y'],
    [3 * 365 * D + 10 * D, '3y10d'],
    [9 * 365 * D, '9y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('age', () => {
  it('measures from a timestamp to now', () => {
    expect(age('2024-01-01T00:00:00Z', new Date('2024-01-01T00:05:00Z'))).toBe('5m');
    expect(age(undefined, new Date())).toBe('<unknown>');
    expect(age('not a date', new Date())).toBe('<unknown>');
  });
});
