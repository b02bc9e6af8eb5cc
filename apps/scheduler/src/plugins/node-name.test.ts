import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { ERR_REASON, nodeName } from './node-name.js';

describe('NodeName', () => {
  it('skips pods that name no node', () => {
    expect(nodeName.filterFor(podInfo(makePod('p')))).toBeUndefined();
  });

  it('fits only the named node', () => {
    const filter = nodeName.filterFor(podInfo(makePod('p', { spec: { nodeName: 'n2' } })))!;
    expect(filter(nodeInfo(makeNode('n2'))).code).toBe('Success');
    expect(filter(nodeInfo(makeNode('n1')))).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON] });
  });
});
