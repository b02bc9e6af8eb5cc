/** Two schedulers on one cluster: only the Lease holder binds; when it closes the other takes over. */
import { afterEach, describe, expect, it } from 'vitest';
import { attempts, createNode, createPod, nodeOf, startEnv, until } from './testing/cluster.js';
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
    expect(await attempts(leader, 'scheduled')).toBe(5);
    expect(follower.isLeader()).toBe(false);
    expect(await attempts(follower, 'scheduled')).toBe(0);

    await leader.close();
    await until(() => follower.isLeader(), 'the follower to take over');
    for (let i = 0; i < 3; i++) await createPod(client, `second-${i}`);
    for (let i = 0; i < 3; i++) await nodeOf(client, `second-${i}`);
    expect(await attempts(follower, 'scheduled')).toBe(3);
    expect(await attempts(follower, 'error')).toBe(0);
  });
});
