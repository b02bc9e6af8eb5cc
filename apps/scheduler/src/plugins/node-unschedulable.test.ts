import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { ERR_REASON, nodeUnschedulable } from './node-unschedulable.js';

describe('NodeUnschedulable', () => {
  const cordoned = nodeInfo(makeNode('n', { unschedulable: true }));

  it('keeps pods off a cordoned node', () => {
    expect(nodeUnschedulable.filterFor(podInfo(makePod('p')))!(cordoned).reasons).toEqual([ERR_REASON]);
    expect(nodeUnschedulable.filterFor(podInfo(makePod('p')))!(nodeInfo(makeNode('ok'))).code).toBe('Success');
  });

  it('lets pods that tolerate the unschedulable taint through', () => {
    const pod = makePod('p', { spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(nodeUnschedulable.filterFor(podInfo(pod))!(cordoned).code).toBe('Success');
  });
});
