import { describe, expect, it } from 'vitest';
import type { Pod } from '@tugboat/api';
import { podAddress, runningStatus } from './hollow-pod-status.js';

describe('hollow pod status', () => {
  it('gives addresses inside the node pod CIDR, from .2', () => {
    expect(podAddress('10.128.5.0/24', 0)).toBe('10.128.5.2');
    expect(podAddress('10.128.5.0/24', 252)).toBe('10.128.5.254');
    expect(podAddress('10.128.5.0/24', 253)).toBe('10.128.5.2');
  });

  it('reports a pod Running and Ready with one running state per container, marked hollow', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', uid: 'u1' }, spec: { containers: [{ name: 'a', image: 'img:1' }, { name: 'b', image: 'img:2' }] } } as Pod;
    const s = runningStatus(pod, { hostIP: '10.0.0.1', podIP: '10.128.5.2' }, new Date('2026-01-02T03:04:05.678Z'));
    expect(s.phase).toBe('Running');
    expect(s.podIP).toBe('10.128.5.2');
    expect(s.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-02T03:04:05Z' });
    expect(s.containerStatuses?.map((c) => [c.name, c.ready, c.containerID, c.state?.running?.startedAt])).toEqual([
      ['a', true, 'hollow://u1/a', '2026-01-02T03:04:05Z'],
      ['b', true, 'hollow://u1/b', '2026-01-02T03:04:05Z'],
    ]);
  });
});
