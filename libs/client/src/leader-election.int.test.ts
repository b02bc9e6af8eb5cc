/** Leader election on a real Lease through the real apiserver on a real etcd. */
import { resourceFor } from '@tugboat/api';
import type { Lease } from '@tugboat/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLeaderElection } from './leader-election.js';
import type { LeaderElector } from './leader-election.js';
import { startTestCluster } from './testing/cluster.js';
import type { TestCluster } from './testing/cluster.js';

const leases = resourceFor('coordination.k8s.io', 'v1', 'leases')!;
const FAST = { leaseDurationMs: 1_500, renewDeadlineMs: 1_000, retryPeriodMs: 100 };

let cluster: TestCluster;
const electors: LeaderElector[] = [];
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterEach(async () => {
  await Promise.all(electors.splice(0).map((e) => e.close()));
});
afterAll(async () => {
  await cluster?.close();
});

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function candidate(name: string, identity: string, log: string[]): LeaderElector {
  const e = startLeaderElection({
    client: cluster.client,
    name,
    identity,
    ...FAST,
    onStartedLeading: () => void log.push(`${identity} started`),
    onStoppedLeading: () => void log.push(`${identity} stopped`),
  });
  electors.push(e);
  return e;
}

const getLease = (name: string) => cluster.client.get<Lease>({ resource: leases, namespace: 'kube-system', name });

describe('leader election (real apiserver)', () => {
  it('creates the Lease in kube-system and fills it as client-go does', async () => {
    const log: string[] = [];
    const e = candidate('solo', 'a', log);
    await until(() => e.isLeader(), 'a to lead');
    const lease = await getLease('solo');
    expect(lease.spec).toMatchObject({ holderIdentity: 'a', leaseDurationSeconds: 2, leaseTransitions: 0 });
    expect(lease.spec!.acquireTime).toMatch(/\.\d{6}Z$/);
    const firstRenew = lease.spec!.renewTime;
    await until(async () => (await getLease('solo')).spec!.renewTime !== firstRenew, 'a renewal');
    expect(log).toEqual(['a started']);
  });

  it('lets exactly one of two candidates lead, and hands over when the leader closes', async () => {
    const log: string[] = [];
    const a = candidate('pair', 'a', log);
    const b = candidate('pair', 'b', log);
    await until(() => a.isLeader() || b.isLeader(), 'a leader');
    const [leader, follower] = a.isLeader() ? [a, b] : [b, a];
    expect(follower.isLeader()).toBe(false);
    await until(() => follower.leader() !== undefined, 'the follower to see the leader');
    await leader.close();
    expect(leader.isLeader()).toBe(false);
    await until(() => follower.isLeader(), 'the follower to take over');
    const lease = await getLease('pair');
    expect(lease.spec!.leaseTransitions).toBe(1);
    expect(log.filter((l) => l.endsWith('started'))).toHaveLength(2);
    // the old leader stopped before the new one started
    expect(log.indexOf(`${a === leader ? 'a' : 'b'} stopped`)).toBeLessThan(log.lastIndexOf(`${a === leader ? 'b' : 'a'} started`));
  });

  it('takes over a lease whose holder stopped renewing, once it has expired', async () => {
    await cluster.client.create(leases, {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'stale', namespace: 'kube-system' },
      spec: { holderIdentity: 'crashed', leaseDurationSeconds: 1, renewTime: new Date().toISOString(), leaseTransitions: 3 },
    } as Lease);
    const log: string[] = [];
    const e = candidate('stale', 'c', log);
    expect(e.isLeader()).toBe(false);
    await until(() => e.isLeader(), 'c to take the expired lease');
    expect((await getLease('stale')).spec).toMatchObject({ holderIdentity: 'c', leaseTransitions: 4 });
  });

  it('stops leading when someone else holds the lease, and campaigns again', async () => {
    const log: string[] = [];
    const e = candidate('stolen', 'd', log);
    await until(() => e.isLeader(), 'd to lead');
    const lease = await getLease('stolen');
    await cluster.client.update(
      { resource: leases, namespace: 'kube-system', name: 'stolen' },
      { ...lease, spec: { ...lease.spec, holderIdentity: 'intruder', leaseDurationSeconds: 1 } },
    );
    await until(() => log.includes('d stopped'), 'd to stop leading');
    // the intruder never renews, so d gets the lease back after it expires
    await until(() => e.isLeader(), 'd to lead again');
    expect(log).toEqual(['d started', 'd stopped', 'd started']);
  });
});
