import { describe, expect, it } from 'vitest';
import { isValidQuantity, milliValue, parseQuantity, quantityValue } from './quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['1.5', 1.5],
    ['128Mi', 128 * 1024 ** 2],
    ['1Ki', 1024],
    ['1Gi', 1024 ** 3],
    ['1G', 1e9],
    ['1k', 1000],
    ['2e3', 2000],
    ['1E', 1e18],
    ['1.5e-3', 0.0015],
    ['100n', 1e-7],
    ['-2', -2],
    ['+3', 3],
    ['.5', 0.5],
    ['1.', 1],
    [0.25, 0.25],
    [2, 2],
  ] as const)('%s → %d', (input, want) => {
    expect(parseQuantity(input)).toBe(want);
  });

  it.each(['', 'abc', '1Kb', '1 Mi', ' 1', '1mm', '1e', 'Mi', '--1', '1..2', '1KI'])('refuses %j', (input) => {
    expect(isValidQuantity(input)).toBe(false);
    expect(() => parseQuantity(input)).toThrow(/quantities must match/);
  });

  it('refuses non-quantities of other types', () => {
    expect(isValidQuantity(undefined)).toBe(false);
    expect(isValidQuantity({})).toBe(false);
    expect(isValidQuantity(Number.NaN)).toBe(false);
  });
});

describe('milliValue / quantityValue', () => {
  it.each([
    ['100m', 100],
    ['0.1', 100],
    ['1', 1000],
    ['1.0005', 1001], // rounds up, never down
    ['1n', 1],
    ['2e-3', 2],
    ['1Ki', 1024000],
  ] as const)('milliValue(%s) = %d', (input, want) => {
    expect(milliValue(input)).toBe(want);
  });

  it.each([
    ['128Mi', 134217728],
    ['1.5Gi', 1610612736],
    ['100m', 1],
    ['1M', 1000000],
  ] as const)('quantityValue(%s) = %d', (input, want) => {
    expect(quantityValue(input)).toBe(want);
  });
});

describe('remembered answers', () => {
  it('give the same value on every call, and a malformed quantity throws every time', () => {
    for (let i = 0; i < 3; i++) {
      expect(milliValue('250m')).toBe(250);
      expect(quantityValue('1.5Gi')).toBe(1610612736);
      expect(parseQuantity('0.1')).toBe(0.1);
      expect(() => milliValue('12 cores')).toThrow(/regular expression/);
    }
  });
});
