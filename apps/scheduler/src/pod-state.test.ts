import { describe, expect, it } from 'vitest';
import { makeNode, makePod } from './testing/fixtures.js';
import { isPendingFor, nodeSchedulingChanged, podSchedulingChanged } from './pod-state.js';

describe('pod and node state', () => {
  it('a pod is pending for the default scheduler when unbound, alive and unnamed or named so', () => {
    expect(isPendingFor(makePod('p'), 'default-scheduler')).toBe(true);
    expect(isPendingFor(makePod('p', { spec: { schedulerName: 'default-scheduler' } }), 'default-scheduler')).toBe(true);
    expect(isPendingFor(makePod('p', { spec: { schedulerName: 'other' } }), 'default-scheduler')).toBe(false);
    expect(isPendingFor(makePod('p', { spec: { nodeName: 'n1' } }), 'default-scheduler')).toBe(false);
    const deleting = makePod('p');
    deleting.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    expect(isPendingFor(deleting, 'default-scheduler')).toBe(false);
  });

  it('our own status write is not a scheduling change; a spec or label change is', () => {
    const old = makePod('p');
    const statusOnly = { ...old, status: { conditions: [{ type: 'PodScheduled', status: 'False' as const }] } };
    expect(podSchedulingChanged(old, statusOnly)).toBe(false);
    expect(podSchedulingChanged(old, makePod('p', { labels: { a: 'b' } }))).toBe(true);
  });

  it('a heartbeat is not a node scheduling change; a cordon or new allocatable is', () => {
    const node = makeNode('n');
    const heartbeat = structuredClone(node);
    heartbeat.status!.conditions![0]!.lastHeartbeatTime = 'now';
    expect(nodeSchedulingChanged(node, heartbeat)).toBe(false);
    expect(nodeSchedulingChanged(node, makeNode('n', { unschedulable: true }))).toBe(true);
    expect(nodeSchedulingChanged(node, makeNode('n', { cpu: '64' }))).toBe(true);
  });
});
