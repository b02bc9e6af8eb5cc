/**
 * Test-only: a real etcd + apiserver (startTestControlPlane), an admin client, and helpers that
 * create Nodes the way an agent would (create, then nodes/status) and pods, and poll for results.
 */
import { resourceFor } from '@tugboat/api';
import type { Event, KubeObject, Node, Pod } from '@tugboat/api';
import { startTestControlPlane } from '@tugboat/apiserver/testing';
import type { TestControlPlane } from '@tugboat/apiserver/testing';
import { parseKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
import type { HttpRestClient } from '@tugboat/client';
import { pino } from 'pino';
import { startScheduler } from '../scheduler.js';
import type { Scheduler, SchedulerOptions } from '../scheduler.js';
import { makeNode, makePod } from './fixtures.js';
import type { NodeShape, PodShape } from './fixtures.js';

export const PODS = resourceFor('', 'v1', 'pods')!;
export const NODES = resourceFor('', 'v1', 'nodes')!;
export const EVENTS = resourceFor('', 'v1', 'events')!;
export const REPLICASETS = resourceFor('apps', 'v1', 'replicasets')!;

export interface TestEnv {
  readonly cp: TestControlPlane;
  readonly client: HttpRestClient;
  scheduler(opts?: Partial<SchedulerOptions>): Scheduler;
  close(): Promise<void>;
}

export async function startEnv(): Promise<TestEnv> {
  const cp = await startTestControlPlane();
  const client = restClientFromKubeConfig(parseKubeConfig(cp.api.kubeconfig), { userAgent: 'scheduler-it' });
  const schedulers: Scheduler[] = [];
  return {
    cp,
    client,
    scheduler(opts = {}) {
      const s = startScheduler({ client, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), leaderElection: false, ...opts });
      schedulers.push(s);
      return s;
    },
    async close() {
      await Promise.all(schedulers.map((s) => s.close()));
      client.close();
      await cp.close();
    },
  };
}

/** Register a node as an agent would: the object, then its status (capacity, Ready, addresses). */
export async function createNode(client: HttpRestClient, name: string, shape: NodeShape = {}): Promise<Node> {
  const node = makeNode(name, shape);
  await client.create(NODES, { ...node, status: undefined } as KubeObject);
  return client.patch<Node>({ resource: NODES, name }, 'merge', { status: node.status }, { subresource: 'status' });
}

export async function createPod(client: HttpRestClient, name: string, shape: PodShape = {}): Promise<Pod> {
  const pod = makePod(name, shape);
  delete pod.metadata.uid;
  return client.create<Pod>(PODS, pod);
}

export async function getPod(client: HttpRestClient, name: string): Promise<Pod> {
  return client.get<Pod>({ resource: PODS, namespace: 'default', name });
}

export async function listPods(client: HttpRestClient): Promise<Pod[]> {
  return (await client.list<Pod>(PODS, { namespace: 'default' })).items;
}

export async function podEvents(client: HttpRestClient, name: string): Promise<Event[]> {
  return (await client.list<Event>(EVENTS, { namespace: 'default' })).items.filter((e) => e.involvedObject.name === name);
}

/** Poll until `check` holds; generous timeout, no timing assumptions beyond "eventually". */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function nodeOf(client: HttpRestClient, pod: string): Promise<string> {
  return until(async () => (await getPod(client, pod)).spec?.nodeName, `${pod} to be bound`);
}

/** A counter's value in the scheduler's registry. */
export async function attempts(s: Scheduler, result: 'scheduled' | 'unschedulable' | 'error'): Promise<number> {
  const m = await s.metrics.attempts.get();
  return m.values.find((v) => v.labels.result === result)?.value ?? 0;
}

/**
 * The count once it reached `n`. A pod's nodeName can be read back before the scheduler has read its
 * bind's response and counted it, so a test that saw the pod bound waits for the count too.
 */
export async function attemptsReach(s: Scheduler, result: 'scheduled' | 'unschedulable' | 'error', n: number): Promise<number> {
  await until(async () => (await attempts(s, result)) >= n, `${n} ${result} attempts`);
  return attempts(s, result);
}
