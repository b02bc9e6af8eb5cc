import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../docker/engine-types.js';
import { LABELS } from '../docker/labels.js';
import { changedPods, podFingerprints } from './relist.js';

const c = (Id: string, uid: string, State: string): ContainerSummary => ({
  Id, State, Image: 'i', ImageID: 'sha256:i', Created: 0,
  Labels: { [LABELS.node]: 'n1', [LABELS.podUid]: uid, [LABELS.kind]: 'app' },
});

describe('relist', () => {
  it('fingerprints each pod by its containers and their states, in any order', () => {
    const a = podFingerprints([c('2', 'u1', 'running'), c('1', 'u1', 'running'), c('3', 'u2', 'exited')]);
    const b = podFingerprints([c('3', 'u2', 'exited'), c('1', 'u1', 'running'), c('2', 'u1', 'running')]);
    expect(a).toEqual(b);
    expect(podFingerprints([{ ...c('9', 'x', 'running'), Labels: {} }]).size).toBe(0);
  });
  it('reports pods that appeared, changed state or went away', () => {
    const before = podFingerprints([c('1', 'u1', 'running'), c('2', 'u2', 'running'), c('3', 'u3', 'running')]);
    const after = podFingerprints([c('1', 'u1', 'running'), c('2', 'u2', 'exited'), c('4', 'u4', 'created')]);
    expect([...changedPods(before, after)].sort()).toEqual(['u2', 'u3', 'u4']);
  });
});
