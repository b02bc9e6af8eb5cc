import { describe, expect, it } from 'vitest';
import type { Pod } from '@tugboat/api';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { ERR_REASON, fits, nodeAffinity, preferenceScore } from './node-affinity.js';

const ssd = makeNode('ssd', { labels: { disk: 'ssd', zone: 'a' } });
const hdd = makeNode('hdd', { labels: { disk: 'hdd', zone: 'b' } });

function withRequired(pod: Pod, key: string, values: string[]): Pod {
  pod.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values }] }] } } };
  return pod;
}

describe('NodeAffinity filter', () => {
  it('skips pods without a selector or required affinity', () => {
    expect(nodeAffinity.filterFor(podInfo(makePod('p')))).toBeUndefined();
  });

  it('applies nodeSelector', () => {
    const pod = makePod('p', { spec: { nodeSelector: { disk: 'ssd' } } });
    expect(fits(pod, ssd)).toBe(true);
    expect(nodeAffinity.filterFor(podInfo(pod))!(nodeInfo(hdd)).reasons).toEqual([ERR_REASON]);
  });

  it('applies required node affinity together with nodeSelector', () => {
    const pod = withRequired(makePod('p', { spec: { nodeSelector: { disk: 'ssd' } } }), 'zone', ['b']);
    expect(fits(pod, ssd)).toBe(false); // selector yes, affinity no
    expect(fits(withRequired(makePod('q'), 'zone', ['b']), hdd)).toBe(true);
  });
});

describe('NodeAffinity score', () => {
  const pod = makePod('p');
  pod.spec!.affinity = {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
        { weight: 5, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
      ],
    },
  };

  it('sums the weights of the matching preferred terms, then normalizes to 0..100', () => {
    expect(preferenceScore(pod, ssd)).toBe(15);
    expect(preferenceScore(pod, hdd)).toBe(5);
    const scorer = nodeAffinity.scorerFor(podInfo(pod))!;
    const scores = [scorer(nodeInfo(ssd)), scorer(nodeInfo(hdd))];
    nodeAffinity.normalize!(scores);
    expect(scores).toEqual([100, 33]);
  });
});
