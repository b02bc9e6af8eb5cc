/**
 * The scheduler against two real node agents sharing this machine's Docker engine (each agent owns
 * only the containers labelled with its node name): placement rules, the FailedScheduling report,
 * and the pods really running where they were bound.
 */
import { parseKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
import type { HttpRestClient } from '@tugboat/client';
import { startScheduler } from '@tugboat/scheduler';
import type { Scheduler } from '@tugboat/scheduler';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startNodeCluster } from '../support/node-cluster.js';
import type { NodeCluster } from '../support/node-cluster.js';

let cluster: NodeCluster;
let client: HttpRestClient;
let scheduler: Scheduler;
let ssd: string;
let plain: string;
const NS = '/api/v1/namespaces/default';

beforeAll(async () => {
  cluster = await startNodeCluster({ nodes: 2, labels: [{ disk: 'ssd' }, {}] });
  [ssd, plain] = cluster.nodes.map((n) => n.name) as [string, string];
  client = restClientFromKubeConfig(parseKubeConfig(cluster.cp.api.kubeconfig));
  scheduler = startScheduler({ client, leaderElection: false, logger: pino({ level: 'warn' }), unschedulableFlushMs: 500, maxUnschedulableMs: 2000 });
  await scheduler.ready;
}, 180_000);

afterAll(async () => {
  await scheduler?.close();
  client?.close();
  await cluster?.close();
}, 60_000);

function pod(name: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata },
    spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'tugboat/busybox:1', command: ['sleep', '3600'] }], ...spec },
  };
}

async function get(name: string): Promise<any> {
  return (await cluster.rest('GET', `${NS}/pods/${name}`)).body;
}

/** what a pod looks like, for the message of a wait that timed out */
function described(p: any): Error {
  const scheduled = p?.status?.conditions?.find((x: any) => x.type === 'PodScheduled');
  return new Error(`phase ${p?.status?.phase}, node ${p?.spec?.nodeName ?? '-'}, PodScheduled ${JSON.stringify(scheduled)}`);
}

async function runningOn(name: string): Promise<string> {
  return await eventually(`${name} running`, async () => {
    const p = await get(name);
    if (p?.status?.phase === 'Running' && p.spec.nodeName) return p.spec.nodeName as string;
    throw described(p);
  });
}

/** the scheduler's message when it reported the pod unschedulable */
function unschedulableReason(p: any): string | undefined {
  const c = p?.status?.conditions?.find((x: any) => x.type === 'PodScheduled');
  return c?.status === 'False' && c.reason === 'Unschedulable' ? (c.message as string) : undefined;
}

async function unschedulableMessage(name: string): Promise<string> {
  return await eventually(`${name} reported unschedulable`, async () => {
    const p = await get(name);
    const message = unschedulableReason(p);
    if (message) return message;
    throw described(p);
  });
}

/**
 * Creates `<base>-<n>` until one is reported unschedulable. Node and pod changes reach the scheduler
 * on separate watches, so a pod created right after a node change may be placed before the scheduler
 * hears of that change, as in Kubernetes; such a pod is deleted and the next one tried.
 */
async function createUnschedulable(base: string): Promise<{ name: string; message: string }> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const name = `${base}-${attempt}`;
    await cluster.rest('POST', `${NS}/pods`, pod(name));
    const outcome = await eventually(`${name} reported unschedulable or placed`, async () => {
      const p = await get(name);
      const message = unschedulableReason(p);
      if (message) return { message };
      if (p?.spec?.nodeName) return { placed: p.spec.nodeName as string };
      throw described(p);
    });
    if ('message' in outcome) return { name, message: outcome.message };
    await cluster.rest('DELETE', `${NS}/pods/${name}?gracePeriodSeconds=0`);
  }
  throw new Error(`${base}: five pods in a row were placed despite the taint and the cordon`);
}

const patchNode = (name: string, body: unknown) => cluster.rest('PATCH', `/api/v1/nodes/${name}`, body, 'application/merge-patch+json');

describe('scheduling onto real nodes', () => {
  it('honours nodeSelector and runs the pod on the chosen node', async () => {
    await cluster.rest('POST', `${NS}/pods`, pod('needs-ssd', { nodeSelector: { disk: 'ssd' } }));
    expect(await runningOn('needs-ssd')).toBe(ssd);
  }, 90_000);

  it('refuses requests no node can hold, with the per-node reasons in the condition and a FailedScheduling event', async () => {
    await cluster.rest('POST', `${NS}/pods`, pod('huge', { containers: [{ name: 'c', image: 'tugboat/busybox:1', resources: { requests: { memory: '100Ti' } } }] }));
    expect(await unschedulableMessage('huge')).toBe('0/2 nodes are available: 2 Insufficient memory.');
    // the condition and the event are separate writes: the event may land a moment later
    const event = await eventually('a FailedScheduling event', async () => (await cluster.rest('GET', `${NS}/events?fieldSelector=involvedObject.name%3Dhuge`)).body.items.find((e: any) => e.reason === 'FailedScheduling'));
    expect(event).toMatchObject({ type: 'Warning', message: '0/2 nodes are available: 2 Insufficient memory.' });
  }, 60_000);

  it('keeps pods off tainted and cordoned nodes, says why, and places the pod once a node is uncordoned', async () => {
    await patchNode(ssd, { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    await patchNode(plain, { spec: { unschedulable: true } });
    try {
      const waits = await createUnschedulable('waits');
      expect(waits.message).toBe("0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable.");

      await cluster.rest('POST', `${NS}/pods`, pod('tolerates', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] }));
      expect(await runningOn('tolerates')).toBe(ssd);

      await patchNode(plain, { spec: { unschedulable: null } });
      expect(await runningOn(waits.name)).toBe(plain);
    } finally {
      // the next test needs both nodes back, whatever happened here
      await patchNode(plain, { spec: { unschedulable: null } });
      await patchNode(ssd, { spec: { taints: null } });
    }
  }, 120_000);

  it('spreads the pods of one owner across the nodes', async () => {
    // the previous test untainted the ssd node just now: a pod that only fits there proves the
    // scheduler has heard (and is gone again before the pods to spread come)
    await cluster.rest('POST', `${NS}/pods`, pod('ssd-open', { nodeSelector: { disk: 'ssd' } }));
    expect(await runningOn('ssd-open')).toBe(ssd);
    await cluster.rest('DELETE', `${NS}/pods/ssd-open?gracePeriodSeconds=0`);
    await eventually('ssd-open gone', async () => (await cluster.rest('GET', `${NS}/pods/ssd-open`)).status === 404);
    const rs = (await cluster.rest('POST', '/apis/apps/v1/namespaces/default/replicasets', {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'spread' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'spread' } }, template: { metadata: { labels: { app: 'spread' } }, spec: { containers: [{ name: 'c', image: 'tugboat/busybox:1' }] } } },
    })).body;
    const owner = { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'spread', uid: rs.metadata.uid, controller: true }], labels: { app: 'spread' } };
    for (let i = 0; i < 4; i++) await cluster.rest('POST', `${NS}/pods`, pod(`spread-${i}`, {}, owner));
    const placed = await Promise.all([0, 1, 2, 3].map((i) => runningOn(`spread-${i}`)));
    expect(placed.filter((n) => n === ssd)).toHaveLength(2);
    expect(placed.filter((n) => n === plain)).toHaveLength(2);
  }, 120_000);
});
