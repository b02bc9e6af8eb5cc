import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { ERR_REASON, isReady, nodeReady } from './node-ready.js';

describe('NodeReady', () => {
  it('passes nodes whose Ready condition is True only', () => {
    const filter = nodeReady.filterFor(podInfo(makePod('p')))!;
    expect(filter(nodeInfo(makeNode('ready'))).code).toBe('Success');
    expect(filter(nodeInfo(makeNode('down', { ready: false }))).reasons).toEqual([ERR_REASON]);
  });

  it('treats a node without conditions as not ready', () => {
    const node = makeNode('new');
    delete node.status!.conditions;
    expect(isReady(node)).toBe(false);
  });
});
