import { describe, expect, it } from 'vitest';
import type { ObservedContainer } from '../docker/observe.js';
import { oldInstances } from './old-instances.js';

function instance(id: string, over: Partial<ObservedContainer>): ObservedContainer {
  return {
    nodeName: 'n', podUid: 'u1', namespace: 'ns', podName: 'p', containerName: '', kind: 'app', restartCount: 0, specHash: '', gracePeriodSeconds: 30,
    id, status: 'exited', running: false, createdAt: '2026-01-01T00:00:00Z', exitCode: 1, oomKilled: false, error: '', image: 'img:1', imageID: 'sha256:abc', ...over,
  };
}

describe('oldInstances', () => {
  it('keeps the newest two instances of each container and removes older dead ones', () => {
    const containers = [
      instance('a3', { containerName: 'a', restartCount: 3, status: 'running', running: true }),
      instance('a2', { containerName: 'a', restartCount: 2 }),
      instance('a1', { containerName: 'a', restartCount: 1 }),
      instance('a0', { containerName: 'a', restartCount: 0 }),
      instance('i1', { containerName: 'i', kind: 'init', restartCount: 1 }),
      instance('i0', { containerName: 'i', kind: 'init', restartCount: 0 }),
    ];
    expect(oldInstances({ uid: 'u1', sandboxes: [], containers })).toEqual(['a1', 'a0']);
  });

  it('keeps only the newest sandbox, and never removes one that runs', () => {
    const sandboxes = [
      instance('s2', { kind: 'sandbox', containerName: 'POD', restartCount: 2, status: 'running', running: true }),
      instance('s1', { kind: 'sandbox', containerName: 'POD', restartCount: 1, status: 'running', running: true }),
      instance('s0', { kind: 'sandbox', containerName: 'POD', restartCount: 0 }),
    ];
    expect(oldInstances({ uid: 'u1', sandboxes, containers: [] })).toEqual(['s0']);
  });
});
