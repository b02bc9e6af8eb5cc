import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod } from '../testing/fixtures.js';
import { SchedulerCache } from './scheduler-cache.js';

function bound(name: string, node: string, cpu = '1') {
  const pod = makePod(name, { cpu });
  pod.spec!.nodeName = node;
  return pod;
}

describe('SchedulerCache', () => {
  it('counts an assumed pod on its node until the informer confirms it', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(makeNode('n1'));
    cache.assume(podInfo(makePod('p', { cpu: '1' })), 'n1');
    expect(cache.isAssumed('default/p')).toBe(true);
    expect(cache.nodeInfo('n1')!.requested.milliCpu).toBe(1000);
    cache.addOrUpdatePod(bound('p', 'n1'));
    expect(cache.isAssumed('default/p')).toBe(false);
    expect(cache.nodeInfo('n1')!.requested.milliCpu).toBe(1000); // confirmed, not counted twice
  });

  it('forgets an assumption whose bind failed, but not a confirmed pod', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(makeNode('n1'));
    cache.assume(podInfo(makePod('p', { cpu: '1' })), 'n1');
    cache.forget('default/p');
    expect(cache.nodeInfo('n1')!.requested.milliCpu).toBe(0);
    cache.addOrUpdatePod(bound('q', 'n1'));
    cache.forget('default/q');
    expect(cache.nodeInfo('n1')!.pods.size).toBe(1);
  });

  it('moves a pod whose node changed and frees the old node', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(makeNode('n1'));
    cache.upsertNode(makeNode('n2'));
    cache.assume(podInfo(makePod('p', { cpu: '1' })), 'n1');
    cache.addOrUpdatePod(bound('p', 'n2'));
    expect(cache.nodeInfo('n1')!.pods.size).toBe(0);
    expect(cache.nodeInfo('n2')!.pods.size).toBe(1);
  });

  it('lists only nodes that exist, keeping a deleted node\'s pods until they go', () => {
    const cache = new SchedulerCache();
    cache.upsertNode(makeNode('n1'));
    cache.addOrUpdatePod(bound('p', 'ghost'));
    expect(cache.schedulableNodes().map((n) => n.name)).toEqual(['n1']);
    cache.upsertNode(makeNode('n2'));
    cache.addOrUpdatePod(bound('q', 'n2'));
    cache.removeNode('n2');
    expect(cache.schedulableNodes().map((n) => n.name)).toEqual(['n1']);
    expect(cache.nodeInfo('n2')?.pods.size).toBe(1);
    cache.removePod('default/q');
    expect(cache.nodeInfo('n2')).toBeUndefined();
  });
});
