import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { ownerSpread } from './owner-spread.js';

describe('OwnerSpread', () => {
  it('does not score pods without a controller', () => {
    expect(ownerSpread.scorerFor(podInfo(makePod('p')))).toBeUndefined();
  });

  it('prefers nodes with fewer pods of the same controller', () => {
    const nodes = [
      nodeInfo(makeNode('two'), makePod('a', { ownerUid: 'rs1' }), makePod('b', { ownerUid: 'rs1' })),
      nodeInfo(makeNode('one'), makePod('c', { ownerUid: 'rs1' }), makePod('x', { ownerUid: 'other' })),
      nodeInfo(makeNode('none'), makePod('y', { ownerUid: 'other' })),
    ];
    const scorer = ownerSpread.scorerFor(podInfo(makePod('p', { ownerUid: 'rs1' })))!;
    const scores = nodes.map(scorer);
    expect(scores).toEqual([2, 1, 0]);
    ownerSpread.normalize!(scores);
    expect(scores).toEqual([0, 50, 100]);
  });
});
