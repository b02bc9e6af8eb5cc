/** Two schedulers on one cluster: only the Lease holder binds; when it closes the other takes over. */
import { resourceFor } from '@tugboat/api';
import type { Lease } from '@tugboat/api';
import { afterEach, describe, expect, it } from 'vitest';
import { attempts, attemptsReach, createNode, createPod, getPod, nodeOf, startEnv, until } from './testing/cluster.js';
import type { TestEnv } from './testing/cluster.js';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const FAST = { leaseDurationMs: 3_000, renewDeadlineMs: 2_000, retryPeriodMs: 200 };

describe('scheduler leader election (real apiserver)', () => {
  it('only the leader binds, and the other takes over when it closes', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'n1');
    const a = env.scheduler({ identity: 'sched-a', leaderElection: FAST });
    const b = env.scheduler({ identity: 'sched-b', leaderElection: FAST });
    await until(() => a.isLeader() || b.isLeader(), 'a leader');
    const [leader, follower] = a.isLeader() ? [a, b] : [b, a];

    for (let i = 0; i < 5; i++) await createPod(client, `first-${i}`);
    for (let i = 0; i < 5; i++) await nodeOf(client, `first-${i}`);
    expect(await attemptsReach(leader, 'scheduled', 5)).toBe(5);
    expect(follower.isLeader()).toBe(false);
    expect(await attempts(follower, 'scheduled')).toBe(0);

    await leader.close();
    await until(() => follower.isLeader(), 'the follower to take over');
    for (let i = 0; i < 3; i++) await createPod(client, `second-${i}`);
    for (let i = 0; i < 3; i++) await nodeOf(client, `second-${i}`);
    expect(await attemptsReach(follower, 'scheduled', 3)).toBe(3);
    expect(await attempts(follower, 'error')).toBe(0);
  });

  it('stops binding when it loses the Lease, and resumes when it gets it back', async () => {
    env = await startEnv();
    const { client } = env;
    await createNode(client, 'n1');
    const s = env.scheduler({ identity: 'sched-a', leaderElection: FAST });
    await until(() => s.isLeader(), 'the scheduler to lead');

    // Someone else takes the Lease and keeps renewing it: the scheduler must stop acting.
    const leases = resourceFor('coordination.k8s.io', 'v1', 'leases')!;
    const ref = { resource: leases, namespace: 'kube-system', name: 'kube-scheduler' };
    let renewals = 0;
    let intruding = true;
    const intruder = (async () => {
      while (intruding) {
        const lease = await client.get<Lease>(ref);
        await client.update(ref, { ...lease, spec: { ...lease.spec, holderIdentity: 'intruder', renewTime: new Date().toISOString() } }).then(() => renewals++, () => undefined);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await until(() => !s.isLeader(), 'the scheduler to stop leading');
    await createPod(client, 'while-follower');
    const seen = await attempts(s, 'scheduled');
    const target = renewals + 5;
    await until(() => renewals >= target, 'the intruder to renew a few more times');
    expect((await getPod(client, 'while-follower')).spec?.nodeName).toBeUndefined();
    intruding = false;
    await intruder;

    // The intruder stops renewing; its lease expires; the scheduler campaigns, wins, and schedules what waited.
    expect(await nodeOf(client, 'while-follower')).toBe('n1');
    expect(s.isLeader()).toBe(true);
    expect(await attemptsReach(s, 'scheduled', seen + 1)).toBe(seen + 1);
  });
});
