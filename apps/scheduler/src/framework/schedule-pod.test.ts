import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../registry.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { fitErrorMessage } from './fit-error.js';
import { podInfo } from './pod-info.js';
import type { FilterPlugin, Profile, ScorePlugin } from './plugin.js';
import { feasibleNodesToFind, schedulePod } from './schedule-pod.js';
import { SUCCESS } from './status.js';

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

  it('runs a filter that passes clean nodes only on the other nodes', () => {
    const seen: string[] = [];
    const spy: FilterPlugin = { name: 'Spy', passesCleanNodes: true, filterFor: () => (node) => (seen.push(node.name), SUCCESS) };
    const nodes = [
      nodeInfo(makeNode('clean')),
      nodeInfo(makeNode('tainted', { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] })),
      nodeInfo(makeNode('cordoned', { unschedulable: true })),
      nodeInfo(makeNode('not-ready', { ready: false })),
    ];
    schedulePod({ filters: [spy], scorers: [] }, podInfo(makePod('p')), nodes, { startIndex: 0 });
    expect(seen).toEqual(['tainted', 'cordoned', 'not-ready']);
  });

  it('leaves out a scorer that scores clean nodes alike only when every feasible node is clean', () => {
    let calls = 0;
    const spy: ScorePlugin = { name: 'Spy', sameOnCleanNodes: true, scorerFor: () => () => (calls++, 0) };
    const spyProfile: Profile = { filters: [], scorers: [{ plugin: spy, weight: 1 }] };
    const pod = podInfo(makePod('p'));
    schedulePod(spyProfile, pod, [nodeInfo(makeNode('a')), nodeInfo(makeNode('b'))], { startIndex: 0 });
    expect(calls).toBe(0);
    const tainted = nodeInfo(makeNode('t', { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] }));
    schedulePod(spyProfile, pod, [nodeInfo(makeNode('a')), tainted], { startIndex: 0 });
    expect(calls).toBe(2);
  });

  it('the default profile\'s plugins are true to what they say of clean nodes', () => {
    const clean = [
      nodeInfo(makeNode('small', { cpu: '1', memory: '1Gi', labels: { zone: 'a' } })),
      nodeInfo(makeNode('busy', { labels: { disk: 'ssd' } }), makePod('other', { cpu: '3', ownerUid: 'rs-1' })),
    ];
    const pods = [
      makePod('plain'),
      makePod('big', { cpu: '64', memory: '1Ti' }),
      makePod('tolerant', { spec: { tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } }),
      makePod('picky', { ownerUid: 'rs-1', spec: { nodeName: 'elsewhere', nodeSelector: { zone: 'b' }, tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'PreferNoSchedule' }] } }),
    ];
    expect(clean.every((n) => n.clean)).toBe(true);
    for (const pod of pods.map((p) => podInfo(p))) {
      for (const plugin of profile.filters.filter((p) => p.passesCleanNodes)) {
        for (const node of clean) expect(plugin.filterFor(pod)?.(node) ?? SUCCESS, `${plugin.name} on ${node.name}`).toBe(SUCCESS);
      }
      for (const { plugin } of profile.scorers.filter((s) => s.plugin.sameOnCleanNodes)) {
        const scores = clean.map((node) => plugin.scorerFor(pod)?.(node));
        expect(new Set(scores).size, plugin.name).toBe(1);
      }
    }
    expect(profile.filters.filter((p) => p.passesCleanNodes).map((p) => p.name)).toEqual(['NodeReady', 'NodeUnschedulable', 'TaintToleration']);
  });
});
