/** Many pods at once: assumed pods keep the scheduler from promising a node's resources twice. */
import { afterEach, describe, expect, it } from 'vitest';
import { attempts, createNode, createPod, listPods, startEnv, until } from './testing/cluster.js';
import type { TestEnv } from './testing/cluster.js';

let env: TestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('no double-booking (real apiserver)', () => {
  it('never binds more than a node can hold when many pods arrive at once', async () => {
    env = await startEnv();
    const { client } = env;
    const nodes = ['n1', 'n2', 'n3'];
    for (const n of nodes) await createNode(client, n, { cpu: '1', memory: '4Gi', pods: '110' });
    const scheduler = env.scheduler({ parallelism: 32 });
    await scheduler.ready;
    // 30 pods × 300m on 3 × 1000m: exactly 3 fit per node, 9 in all.
    await Promise.all(Array.from({ length: 30 }, (_, i) => createPod(client, `burst-${i}`, { cpu: '300m', memory: '64Mi' })));
    await until(async () => (await attempts(scheduler, 'scheduled')) + (await attempts(scheduler, 'unschedulable')) >= 30 && (await attempts(scheduler, 'scheduled')) >= 9, 'every pod to get a cycle');
    const pods = await until(async () => {
      const all = await listPods(client);
      const unschedulable = all.filter((p) => p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'));
      return all.filter((p) => p.spec?.nodeName).length === 9 && unschedulable.length === 21 && all;
    }, '9 pods bound and 21 reported unschedulable');
    for (const n of nodes) {
      const onNode = pods.filter((p) => p.spec?.nodeName === n);
      expect(onNode).toHaveLength(3); // 3 × 300m = 900m ≤ 1000m; a 4th would be 1200m
    }
    expect(await attempts(scheduler, 'error')).toBe(0);
  });
});
