import { describe, expect, it } from 'vitest';
import type { NodeSelectorTerm } from '@tugboat/api';
import { makeNode } from '../testing/fixtures.js';
import { anyTermMatches, termMatches } from './node-selector.js';

const node = makeNode('n1', { labels: { zone: 'a', disk: 'ssd', cores: '8' } });

describe('node selector terms', () => {
  it.each<[string, NodeSelectorTerm, boolean]>([
    ['In', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }, true],
    ['In (no match)', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['c'] }] }, false],
    ['NotIn', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['c'] }] }, true],
    ['NotIn on a missing label', { matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['x'] }] }, true],
    ['Exists', { matchExpressions: [{ key: 'disk', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' }] }, false],
    ['Gt', { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }, true],
    ['Lt', { matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }, false],
    ['Gt with a non-integer matches nothing', { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['x'] }] }, false],
    ['In without values matches nothing', { matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] }, false],
    ['requirements are ANDed', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'In', values: ['hdd'] }] }, false],
    ['matchFields metadata.name', { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }, true],
    ['matchFields metadata.name NotIn', { matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }] }, false],
    ['matchFields on another field matches nothing', { matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['n1'] }] }, false],
    ['an empty term matches nothing', {}, false],
  ])('%s', (_, term, want) => {
    expect(termMatches(term, node)).toBe(want);
  });

  it('terms are ORed', () => {
    const terms: NodeSelectorTerm[] = [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z'] }] }, { matchExpressions: [{ key: 'disk', operator: 'Exists' }] }];
    expect(anyTermMatches(terms, node)).toBe(true);
    expect(anyTermMatches([], node)).toBe(false);
  });
});
