import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { allocationScore, leastRequestedScore, mostRequestedScore, nodeResourcesAllocated } from './node-resources-allocated.js';

describe('allocation scoring', () => {
  it('least-requested: the free share, 0 when over capacity', () => {
    expect(leastRequestedScore(0, 4000)).toBe(100);
    expect(leastRequestedScore(1000, 4000)).toBe(75);
    expect(leastRequestedScore(5000, 4000)).toBe(0);
    expect(leastRequestedScore(1, 0)).toBe(0);
  });

  it('most-requested: the used share, capped at 100', () => {
    expect(mostRequestedScore(1000, 4000)).toBe(25);
    expect(mostRequestedScore(5000, 4000)).toBe(100);
  });

  it('averages cpu and memory, counting the pod itself and non-zero defaults', () => {
    const node = nodeInfo(makeNode('n', { cpu: '4', memory: '8Gi' }), makePod('a', { cpu: '1', memory: '2Gi' }));
    const pod = podInfo(makePod('p', { cpu: '1', memory: '2Gi' }));
    expect(allocationScore('LeastAllocated', pod, node)).toBe(50);
    expect(allocationScore('MostAllocated', pod, node)).toBe(50);
    expect(nodeResourcesAllocated('MostAllocated').scorerFor(pod)!(nodeInfo(makeNode('empty', { cpu: '4', memory: '8Gi' })))).toBe(25);
  });
});
