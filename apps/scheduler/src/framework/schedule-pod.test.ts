import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../registry.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { fitErrorMessage } from './fit-error.js';
import { podInfo } from './pod-info.js';
import { feasibleNodesToFind, schedulePod } from './schedule-pod.js';

const profile = defaultProfile();

describe('schedulePod', () => {
  it('picks the only node that fits', () => {
    const nodes = [nodeInfo(makeNode('small', { cpu: '1' })), nodeInfo(makeNode('big', { cpu: '8' }))];
    const result = schedulePod(profile, podInfo(makePod('p', { cpu: '4' })), nodes, { startIndex: 0 });
    expect(result.kind === 'Scheduled' && result.node.name).toBe('big');
  });

  it('prefers the emptier node by default and the fuller one with MostAllocated', () => {
    const busy = makePod('busy', { cpu: '2', memory: '4Gi' });
    const nodes = () => [nodeInfo(makeNode('full'), busy), nodeInfo(makeNode('empty'))];
    const pod = podInfo(makePod('p', { cpu: '100m', memory: '100Mi' }));
    const least = schedulePod(profile, pod, nodes(), { startIndex: 0 });
    const most = schedulePod(defaultProfile('MostAllocated'), pod, nodes(), { startIndex: 0 });
    expect(least.kind === 'Scheduled' && least.node.name).toBe('empty');
    expect(most.kind === 'Scheduled' && most.node.name).toBe('full');
  });

  it('reports every node\'s reason when nothing fits', () => {
    const nodes = [
      nodeInfo(makeNode('a', { memory: '1Gi' })),
      nodeInfo(makeNode('b', { memory: '1Gi' })),
      nodeInfo(makeNode('c', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })),
    ];
    const result = schedulePod(profile, podInfo(makePod('p', { memory: '2Gi' })), nodes, { startIndex: 1 });
    expect(result.kind).toBe('Unschedulable');
    if (result.kind !== 'Unschedulable') return;
    expect(fitErrorMessage(result.numAllNodes, result.nodeStatuses.values())).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 Insufficient memory.',
    );
  });

  it('looks at all of a small cluster and about 42% of 1,000 nodes', () => {
    expect(feasibleNodesToFind(50)).toBe(50);
    expect(feasibleNodesToFind(150)).toBe(100);
    expect(feasibleNodesToFind(1000)).toBe(420);
    expect(feasibleNodesToFind(10000)).toBe(500);
  });
});
