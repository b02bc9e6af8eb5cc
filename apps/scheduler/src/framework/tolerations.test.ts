import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '@tugboat/api';
import { toleratesTaint } from './tolerations.js';

const taint: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };

describe('toleratesTaint', () => {
  it.each<[string, Toleration, boolean]>([
    ['Equal with the same value', { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, true],
    ['operator defaults to Equal', { key: 'dedicated', value: 'db' }, true],
    ['Equal with another value', { key: 'dedicated', value: 'web' }, false],
    ['Exists on the key', { key: 'dedicated', operator: 'Exists' }, true],
    ['Exists with no key tolerates everything', { operator: 'Exists' }, true],
    ['another effect', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
    ['another key', { key: 'gpu', operator: 'Exists' }, false],
  ])('%s', (_, toleration, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want);
  });
});
