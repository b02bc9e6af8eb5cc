import { describe, expect, it } from 'vitest';
import type { Pod } from '@tugboat/api';
import { desiredChanged } from './desired.js';

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', uid: 'u1', resourceVersion: '10', labels: { a: 'b' } },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox:1' }] },
};

describe('desiredChanged', () => {
  it('ignores status, resourceVersion and managedFields: the echo of our own status write', () => {
    const echo: Pod = { ...pod, metadata: { ...pod.metadata, resourceVersion: '11', managedFields: [{ manager: 'tug-agent' }] }, status: { phase: 'Running' } };
    expect(desiredChanged(pod, echo)).toBe(false);
  });
  it('sees spec and metadata changes, deletion included', () => {
    expect(desiredChanged(undefined, pod)).toBe(true);
    expect(desiredChanged(pod, { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } })).toBe(true);
    expect(desiredChanged(pod, { ...pod, spec: { ...pod.spec!, containers: [{ name: 'c', image: 'busybox:2' }] } })).toBe(true);
    expect(desiredChanged(pod, { ...pod, metadata: { ...pod.metadata, labels: { a: 'c' } } })).toBe(true);
  });
});
