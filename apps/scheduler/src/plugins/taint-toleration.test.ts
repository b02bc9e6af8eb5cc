import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { taintToleration, untoleratedReason } from './taint-toleration.js';

const db = { key: 'dedicated', value: 'db', effect: 'NoSchedule' } as const;

describe('TaintToleration filter', () => {
  it('rejects an untolerated NoSchedule or NoExecute taint, naming it', () => {
    const filter = taintToleration.filterFor(podInfo(makePod('p')))!;
    expect(filter(nodeInfo(makeNode('n', { taints: [db] }))).reasons).toEqual(['node(s) had untolerated taint {dedicated: db}']);
    expect(filter(nodeInfo(makeNode('n', { taints: [{ key: 'x', effect: 'NoExecute' }] }))).reasons).toEqual([untoleratedReason({ key: 'x', effect: 'NoExecute' })]);
    expect(untoleratedReason({ key: 'x', effect: 'NoExecute' })).toBe('node(s) had untolerated taint {x: }');
  });

  it('ignores PreferNoSchedule taints and tolerated ones', () => {
    const pod = makePod('p', { spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] } });
    const node = nodeInfo(makeNode('n', { taints: [db, { key: 'soft', effect: 'PreferNoSchedule' }] }));
    expect(taintToleration.filterFor(podInfo(pod))!(node).code).toBe('Success');
  });
});

describe('TaintToleration score', () => {
  it('scores nodes with fewer intolerable PreferNoSchedule taints higher', () => {
    const soft = (key: string) => ({ key, effect: 'PreferNoSchedule' as const });
    const nodes = [nodeInfo(makeNode('clean')), nodeInfo(makeNode('one', { taints: [soft('a')] })), nodeInfo(makeNode('two', { taints: [soft('a'), soft('b')] }))];
    const pod = makePod('p', { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } });
    const scorer = taintToleration.scorerFor(podInfo(pod))!;
    const scores = nodes.map(scorer);
    expect(scores).toEqual([0, 1, 1]);
    taintToleration.normalize!(scores);
    expect(scores).toEqual([100, 0, 0]);
  });
});
