import { describe, expect, it } from 'vitest';
import { normalizeScores } from './normalize.js';

describe('normalizeScores', () => {
  it('scales the highest raw score to 100', () => {
    const s = [0, 5, 10];
    normalizeScores(s, false);
    expect(s).toEqual([0, 50, 100]);
  });

  it('reversed, the lowest raw score is best', () => {
    const s = [0, 1, 4];
    normalizeScores(s, true);
    expect(s).toEqual([100, 75, 0]);
  });

  it('all zero: unchanged, or all best when reversed', () => {
    const a = [0, 0];
    normalizeScores(a, false);
    expect(a).toEqual([0, 0]);
    const b = [0, 0];
    normalizeScores(b, true);
    expect(b).toEqual([100, 100]);
  });
});
