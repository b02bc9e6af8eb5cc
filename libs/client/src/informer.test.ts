/**
 * The informer's list/watch/relist/back-off decisions, driven by a scripted RestClient (the
 * informer only sees that interface). Real HTTP against the real apiserver is in informer.int.test.ts.
 */
import { ApiError, resourceFor } from '@tugboat/api';
import type { KubeList, KubeObject, WatchEvent } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { createInformer } from './informer.js';
import type { RestClient, WatchOptions } from './rest.js';

const configmaps = resourceFor('', 'v1', 'configmaps')!;

function cm(name: string, rv: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns', resourceVersion: rv } };
}

type WatchStep = WatchEvent[] | Error;

function scriptedClient(lists: KubeList[], watches: WatchStep[]): RestClient & { watchRVs: (string | undefined)[] } {
  const watchRVs: (string | undefined)[] = [];
  const unused = (): never => {
    throw new Error('not used by the informer');
  };
  return {
    server: 'scripted',
    watchRVs,
    get: unused,
    create: unused,
    update: unused,
    patch: unused,
    delete: unused,
    request: unused,
    list: async <T extends KubeObject>() => {
      const next = lists.shift();
      if (!next) throw new Error('no more lists scripted');
      return next as KubeList<T>;
    },
    watch: <T extends KubeObject>(_r: unknown, opts: WatchOptions = {}): AsyncIterable<WatchEvent<T>> => {
      watchRVs.push(opts.resourceVersion);
      const step = watches.shift();
      return (async function* () {
        if (step instanceof Error) throw step;
        if (step) return yield* step as WatchEvent<T>[];
        // Script exhausted: hold the watch open until the informer closes.
        await new Promise((resolve) => opts.signal?.addEventListener('abort', resolve));
      })();
    },
  };
}

function list(rv: string, items: KubeObject[]): KubeList {
  return { apiVersion: 'v1', kind: 'ConfigMapList', metadata: { resourceVersion: rv }, items };
}

function recorder(): { events: string[]; handlers: Parameters<ReturnType<typeof createInformer>['addEventHandler']>[0] } {
  const events: string[] = [];
  return {
    events,
    handlers: {
      add: (o) => events.push(`add ${o.metadata.name}@${o.metadata.resourceVersion}`),
      update: (o, old) => events.push(`update ${o.metadata.name}@${old.metadata.resourceVersion}->${o.metadata.resourceVersion}`),
      delete: (o) => events.push(`delete ${o.metadata.name}`),
    },
  };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setImmediate(r));
  if (!cond()) throw new Error('condition never became true');
}

describe('informer', () => {
  it('lists, then watches from the list resourceVersion and applies events to cache and handlers', async () => {
    const client = scriptedClient(
      [list('10', [cm('a', '5')])],
      [[{ type: 'ADDED', object: cm('b', '11') }, { type: 'MODIFIED', object: cm('a', '12') }, { type: 'BOOKMARK', object: cm('', '13') }, { type: 'DELETED', object: cm('b', '14') }]],
    );
    const inf = createInformer({ client, resource: configmaps, delay: async () => {}, random: () => 0 });
    const rec = recorder();
    inf.addEventHandler(rec.handlers);
    const run = inf.start();
    await run.ready;
    expect(inf.hasSynced()).toBe(true);
    await until(() => client.watchRVs.length === 2);
    expect(rec.events).toEqual(['add a@5', 'add b@11', 'update a@5->12', 'delete b']);
    expect(inf.get('ns/a')?.metadata.resourceVersion).toBe('12');
    expect(inf.list('ns')).toHaveLength(1);
    expect(client.watchRVs).toEqual(['10', '14']);
    await run.close();
  });

  it('relists on Expired and reports objects that vanished as deletes', async () => {
    const client = scriptedClient(
      [list('10', [cm('a', '1'), cm('b', '2')]), list('50', [cm('a', '1'), cm('c', '40')])],
      [new ApiError('Expired', 'too old resource version')],
    );
    const delays: number[] = [];
    const inf = createInformer({ client, resource: configmaps, delay: async (ms) => void delays.push(ms), random: () => 0 });
    const rec = recorder();
    const run = inf.start();
    await run.ready;
    inf.addEventHandler(rec.handlers);
    await until(() => client.watchRVs.length === 2);
    expect(client.watchRVs).toEqual(['10', '50']);
    expect(rec.events).toEqual(['add a@1', 'add b@2', 'delete b', 'add c@40']);
    expect(delays).toEqual([]); // one expiry is routine: relist at once
    await run.close();
  });

  it('backs off 1 s doubling on failures, resumes from the last resourceVersion, and resets after events', async () => {
    const boom = new Error('ECONNRESET');
    const client = scriptedClient(
      [list('10', [])],
      [boom, boom, boom, [{ type: 'ADDED', object: cm('a', '11') }], boom],
    );
    const delays: number[] = [];
    const inf = createInformer({ client, resource: configmaps, delay: async (ms) => void delays.push(ms), random: () => 0 });
    const run = inf.start();
    await until(() => client.watchRVs.length === 6);
    expect(delays).toEqual([1000, 2000, 4000, 1000]);
    expect(client.watchRVs).toEqual(['10', '10', '10', '10', '11', '11']);
    await run.close();
  });

  it('close() while the first list keeps failing ends the loop and rejects ready', async () => {
    const client = scriptedClient([], []);
    const inf = createInformer({ client, resource: configmaps, random: () => 0 });
    const run = inf.start();
    await new Promise((r) => setImmediate(r));
    await run.close(); // interrupts the real 1 s back-off sleep
    await expect(run.ready).rejects.toThrow(/closed before it synced/);
    expect(() => inf.start()).toThrow(/already started/);
  });
});
