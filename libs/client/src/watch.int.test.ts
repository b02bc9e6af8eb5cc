/** HttpRestClient.watch against the real apiserver: event order, selectors, abort, clean ends. */
import { resourceFor } from '@tugboat/api';
import type { KubeObject, WatchEvent } from '@tugboat/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster } from './testing/cluster.js';
import type { TestCluster } from './testing/cluster.js';

const configmaps = resourceFor('', 'v1', 'configmaps')!;

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  await cluster.client.create(resourceFor('', 'v1', 'namespaces')!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'w' } });
});
afterAll(async () => {
  await cluster?.close();
});

function cm(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'w', labels }, data: {} };
}

/** Collect events until `count` arrived (then stop iterating, which must close the stream). */
async function take(stream: AsyncIterable<WatchEvent>, count: number): Promise<string[]> {
  const seen: string[] = [];
  for await (const ev of stream) {
    if (ev.type === 'BOOKMARK') continue;
    seen.push(`${ev.type} ${ev.object.metadata.name}`);
    if (seen.length === count) break;
  }
  return seen;
}

describe('watch (real apiserver)', () => {
  it('streams ADDED/MODIFIED/DELETED after the list resourceVersion, filtered by label', async () => {
    const { client } = cluster;
    await client.create(configmaps, cm('before', { w: 'yes' }));
    const rv = (await client.list(configmaps, { namespace: 'w' })).metadata.resourceVersion;
    const events = take(client.watch(configmaps, { namespace: 'w', resourceVersion: rv, labelSelector: 'w=yes' }), 3);
    await client.create(configmaps, cm('ignored', { w: 'no' }));
    await client.create(configmaps, cm('x', { w: 'yes' }));
    await client.patch({ resource: configmaps, namespace: 'w', name: 'x' }, 'merge', { data: { k: 'v' } });
    await client.delete({ resource: configmaps, namespace: 'w', name: 'x' });
    expect(await events).toEqual(['ADDED x', 'MODIFIED x', 'DELETED x']);
  });

  it('without a resourceVersion starts with synthetic ADDED events for existing objects', async () => {
    const { client } = cluster;
    await client.create(configmaps, cm('existing', { s: 'yes' }));
    expect(await take(client.watch(configmaps, { namespace: 'w', labelSelector: 's=yes' }), 1)).toEqual(['ADDED existing']);
  });

  it('ends quietly when the signal aborts, and when the server times the watch out', async () => {
    const { client } = cluster;
    const ac = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const ev of client.watch(configmaps, { namespace: 'w', signal: ac.signal })) seen.push(ev.type);
    })();
    await client.create(configmaps, cm('abort-me'));
    while (!seen.includes('ADDED')) await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    await expect(done).resolves.toBeUndefined();

    const rv = (await client.list(configmaps, { namespace: 'w' })).metadata.resourceVersion;
    const timedOut: string[] = [];
    for await (const ev of client.watch(configmaps, { namespace: 'w', resourceVersion: rv, timeoutSeconds: 1 })) timedOut.push(ev.type);
    expect(timedOut.filter((t) => t !== 'BOOKMARK')).toEqual([]);
  });
});
