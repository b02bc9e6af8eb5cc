import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/meta.js';
import { recordUpdateManager, touchUpdateManager } from './managed-fields.js';

const RENEWED = [['f:spec', 'f:renewTime']];
const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, s));

function lease(renewTime: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'n1', namespace: 'kube-node-lease', uid: 'u1', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'n' }] },
    spec: { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime, ...extra },
  } as KubeObject;
}

/** a stored lease as the apiserver keeps it: the agent's entry, and another manager's */
function stored(): KubeObject {
  const created = recordUpdateManager(undefined, lease('2026-12-06T10:00:00.000000Z'), { manager: 'tug-agent', now: at(0) });
  const labelled = { ...created, metadata: { ...created.metadata, labels: { team: 'a' } } };
  return recordUpdateManager(created, labelled, { manager: 'kubectl-label', now: at(1) });
}

describe('touchUpdateManager', () => {
  it('gives what recordUpdateManager gives for a write of leaves the manager alone owns', () => {
    const old = stored();
    const next = { ...old, spec: { ...(old as { spec: object }).spec, renewTime: '2026-12-06T10:00:10.000000Z' } } as KubeObject;
    const full = recordUpdateManager(old, next, { manager: 'tug-agent', now: at(10) });
    const touched = touchUpdateManager(old, next, RENEWED, { manager: 'tug-agent', now: at(10) });
    expect(touched).toEqual(full);
    expect(touched!.metadata.managedFields!.map((e) => e.manager)).toEqual(['kubectl-label', 'tug-agent']);
  });

  it('declines when the manager has no entry, another owns a leaf, the leaf is not owned, or the version differs', () => {
    const old = stored();
    const next = { ...old, spec: { ...(old as { spec: object }).spec, renewTime: 'later' } } as KubeObject;
    expect(touchUpdateManager(old, next, RENEWED, { manager: 'someone-else', now: at(10) })).toBeUndefined();
    expect(touchUpdateManager(old, next, [['f:spec', 'f:acquireTime']], { manager: 'tug-agent', now: at(10) })).toBeUndefined();
    expect(touchUpdateManager(old, next, [['f:metadata', 'f:labels', 'f:team']], { manager: 'tug-agent', now: at(10) })).toBeUndefined();
    expect(touchUpdateManager(old, { ...next, apiVersion: 'coordination.k8s.io/v2' } as KubeObject, RENEWED, { manager: 'tug-agent', now: at(10) })).toBeUndefined();
    expect(touchUpdateManager(lease('x'), next, RENEWED, { manager: 'tug-agent' })).toBeUndefined();
  });

  it('declines when another manager owns one of the leaves too', () => {
    const old = stored();
    const taken = recordUpdateManager(old, { ...old, spec: { ...(old as { spec: object }).spec, renewTime: 'by-hand' } } as KubeObject, { manager: 'kubectl-edit', now: at(5) });
    const next = { ...taken, spec: { ...(taken as { spec: object }).spec, renewTime: 'later' } } as KubeObject;
    expect(touchUpdateManager(taken, next, RENEWED, { manager: 'tug-agent', now: at(10) })).toBeUndefined();
  });
});
