/**
 * Informer and controller runner against the real apiserver on a real etcd: the cache follows
 * adds/updates/deletes, and after the apiserver restarts (its watch history starts afresh, so the
 * informer's resourceVersion is too old) the informer gets 410 Expired, relists and reports what
 * vanished meanwhile as a delete.
 */
import { isApiError, resourceFor } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runController } from './controller.js';
import { sleep } from './delay.js';
import { createInformer } from './informer.js';
import type { Logger } from './logger.js';
import { startTestCluster } from './testing/cluster.js';
import type { TestCluster } from './testing/cluster.js';

const run$ = promisify(execFile);
const configmaps = resourceFor('', 'v1', 'configmaps')!;
const namespaces = resourceFor('', 'v1', 'namespaces')!;

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  for (const name of ['inf', 'relist', 'ctl']) await cluster.client.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
});
afterAll(async () => {
  await cluster?.close();
});

function cm(namespace: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: {} };
}

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!cond()) throw new Error(`never happened: ${what}`);
}

function recordingLogger(lines: string[]): Logger {
  const rec = (_: object, msg?: string): void => void lines.push(msg ?? '');
  return { debug: rec, info: rec, warn: rec, error: rec };
}

describe('informer (real apiserver)', () => {
  it('syncs, then follows adds, updates and deletes in cache and handlers', async () => {
    const { client } = cluster;
    await client.create(configmaps, cm('inf', 'pre'));
    const inf = createInformer({ client, resource: configmaps, namespace: 'inf' });
    const events: string[] = [];
    inf.addEventHandler({
      add: (o) => events.push(`add ${o.metadata.name}`),
      update: (o) => events.push(`update ${o.metadata.name}`),
      delete: (o) => events.push(`delete ${o.metadata.name}`),
    });
    const run = inf.start();
    await run.ready;
    expect(inf.hasSynced()).toBe(true);
    expect(inf.get('inf/pre')?.kind).toBe('ConfigMap');

    await client.create(configmaps, cm('inf', 'a'));
    await client.patch({ resource: configmaps, namespace: 'inf', name: 'a' }, 'merge', { data: { k: 'v' } });
    await client.delete({ resource: configmaps, namespace: 'inf', name: 'pre' });
    await until('delete seen', () => events.includes('delete pre'));
    expect(events).toEqual(['add pre', 'add a', 'update a', 'delete pre']);
    expect(inf.list('inf').map((o) => o.metadata.name)).toEqual(['a']);
    expect(inf.get('inf/a')?.['data']).toEqual({ k: 'v' });
    await run.close();
  });

  it('relists after an Expired watch and reports objects deleted while it was away', async () => {
    const { client, etcd } = cluster;
    await client.create(configmaps, cm('relist', 'stays'));
    await client.create(configmaps, cm('relist', 'vanishes'));
    const log: string[] = [];
    // The server ends each watch after 1 s; the informer then waits in `delay`, which the test holds
    // while it restarts the apiserver, so no request of the informer races the restart.
    let paused: (() => void) | undefined;
    let hold = true;
    const delay = (_ms: number, signal: AbortSignal): Promise<void> =>
      hold ? new Promise<void>((resolve) => { paused = resolve; signal.addEventListener('abort', () => resolve()); }) : sleep(20, signal);
    const inf = createInformer({ client, resource: configmaps, namespace: 'relist', logger: recordingLogger(log), delay, watchTimeoutSeconds: 1 });
    const events: string[] = [];
    inf.addEventHandler({ add: (o) => events.push(`add ${o.metadata.name}`), delete: (o) => events.push(`delete ${o.metadata.name}`) });
    const run = inf.start();
    await run.ready;
    const oldRv = (await client.list(configmaps, { namespace: 'relist' })).metadata.resourceVersion;
    await until('informer between watches', () => paused !== undefined);

    await cluster.stopApiServer();
    // With the apiserver down, change etcd underneath (etcdctl: a separate, independent client).
    const { stdout } = await run$('etcdctl', ['--endpoints', etcd.endpoint, 'del', '/registry/configmaps/relist/vanishes']);
    expect(stdout.trim()).toBe('1');
    await cluster.startApiServer();

    // The restarted server's watch history begins after our resourceVersion: watching from it is 410.
    const expired = await (async () => {
      for await (const _ of client.watch(configmaps, { namespace: 'relist', resourceVersion: oldRv })) void _;
    })().then(() => undefined, (err: unknown) => err);
    expect(isApiError(expired, 'Expired')).toBe(true);

    hold = false;
    paused?.();
    await until('relist delete', () => events.includes('delete vanishes'));
    expect(log).toContain('watch expired, relisting');
    expect(inf.list('relist').map((o) => o.metadata.name)).toEqual(['stays']);
    // And it keeps following live changes after the relist.
    await client.create(configmaps, cm('relist', 'after'));
    await until('add after relist', () => events.includes('add after'));
    expect(events).toEqual(['add stays', 'add vanishes', 'delete vanishes', 'add after']);
    await run.close();
  });

  it('drives a controller: events enqueue keys, reconcile writes through the client', async () => {
    const { client } = cluster;
    const inf = createInformer({ client, resource: configmaps, namespace: 'ctl' });
    const run = inf.start();
    const reconciled: string[] = [];
    const ctl = runController({
      name: 'label-seen',
      informers: [inf],
      workers: 2,
      reconcile: async (key) => {
        reconciled.push(key);
        const obj = inf.get(key);
        if (!obj || obj.metadata.labels?.['seen'] === 'true') return {};
        await client.patch({ resource: configmaps, namespace: obj.metadata.namespace, name: obj.metadata.name! }, 'merge', { metadata: { labels: { seen: 'true' } } });
        return {};
      },
    });
    await ctl.ready;
    await client.create(configmaps, cm('ctl', 'one'));
    await until('label written and observed', () => inf.get('ctl/one')?.metadata.labels?.['seen'] === 'true');
    const got = await client.get({ resource: configmaps, namespace: 'ctl', name: 'one' });
    expect(got.metadata.labels).toEqual({ seen: 'true' });
    expect(reconciled.every((k) => k === 'ctl/one')).toBe(true);
    await ctl.close();
    await run.close();
  });
});
