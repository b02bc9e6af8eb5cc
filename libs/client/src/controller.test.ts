import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { resourceFor } from '@tugboat/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ObjectStore } from './cache.js';
import { runController } from './controller.js';
import { HandlerSet } from './handlers.js';
import type { InformerHandlers } from './handlers.js';
import type { Informer, Running } from './informer.js';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import { TerminalError } from './terminal-error.js';

/** A hand-driven Informer (cache + handlers, no network) so the runner's logic is tested alone. */
class ManualInformer implements Informer {
  readonly resource: ResourceInfo = resourceFor('', 'v1', 'configmaps')!;
  private readonly store = new ObjectStore();
  private readonly handlers = new HandlerSet(silentLogger);
  private syncedResolve!: () => void;
  private readonly syncedPromise = new Promise<void>((r) => (this.syncedResolve = r));
  private isSynced = false;
  get = (key: string): KubeObject | undefined => this.store.get(key);
  list = (ns?: string): KubeObject[] => this.store.list(ns);
  hasSynced = (): boolean => this.isSynced;
  synced = (): Promise<void> => this.syncedPromise;
  start(): Running {
    return { ready: this.syncedPromise, close: async () => {} };
  }
  addEventHandler(h: InformerHandlers): () => void {
    for (const o of this.store.list()) h.add?.(o);
    return this.handlers.register(h);
  }
  sync(): void {
    this.isSynced = true;
    this.syncedResolve();
  }
  put(name: string, owner?: string): void {
    const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns', labels: owner ? { owner } : {} } };
    const old = this.store.upsert(obj);
    if (old) this.handlers.update(obj, old);
    else this.handlers.add(obj);
  }
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (_: object, msg?: string): void => void lines.push(msg ?? '');
  return { lines, debug: rec, info: rec, warn: rec, error: rec };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runController', () => {
  it('waits for the caches to sync, then reconciles each dirty key once', async () => {
    const inf = new ManualInformer();
    const seen: string[] = [];
    const ctl = runController({ name: 't', informers: [inf], reconcile: async (k) => void seen.push(k) });
    inf.put('a');
    inf.put('b');
    inf.put('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([]);
    inf.sync();
    await ctl.ready;
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['ns/a', 'ns/b']);
    await ctl.close();
  });

  it('maps events to owner keys with the caller-supplied function', async () => {
    const inf = new ManualInformer();
    inf.sync();
    const seen: string[] = [];
    const ctl = runController({
      name: 't',
      informers: [{ informer: inf, keys: (o) => o.metadata.labels?.['owner'] }],
      reconcile: async (k) => void seen.push(k),
    });
    await ctl.ready;
    inf.put('child-1', 'ns/parent');
    inf.put('orphan');
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['ns/parent']);
    await ctl.close();
  });

  it('retries a throwing reconcile with growing back-off and forgets on success', async () => {
    const inf = new ManualInformer();
    inf.sync();
    const times: number[] = [];
    const start = Date.now();
    const ctl = runController({
      name: 't',
      informers: [inf],
      reconcile: async () => {
        times.push(Date.now() - start);
        if (times.length < 4) throw new Error('not yet');
      },
    });
    await ctl.ready;
    inf.put('a');
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([0, 5, 15, 35]);
    expect(ctl.queue.numRequeues('ns/a')).toBe(0);
    await ctl.close();
  });

  it('logs and forgets a TerminalError, and honours requeueAfterMs', async () => {
    const inf = new ManualInformer();
    inf.sync();
    const log = recordingLogger();
    const calls: Record<string, number> = {};
    const ctl = runController({
      name: 't',
      informers: [inf],
      logger: log,
      reconcile: async (k) => {
        calls[k] = (calls[k] ?? 0) + 1;
        if (k === 'ns/bad') throw new TerminalError('spec can never work');
        return { requeueAfterMs: 60_000 };
      },
    });
    await ctl.ready;
    inf.put('bad');
    inf.put('good');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toEqual({ 'ns/bad': 1, 'ns/good': 3 });
    expect(log.lines).toContain('reconcile failed permanently; not retrying');
    await ctl.close();
  });

  it('never reconciles one key on two workers at once', async () => {
    const inf = new ManualInformer();
    inf.sync();
    let running = 0;
    let maxRunning = 0;
    let calls = 0;
    const ctl = runController({
      name: 't',
      informers: [inf],
      workers: 4,
      reconcile: async () => {
        calls++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 100));
        running--;
      },
    });
    await ctl.ready;
    for (let i = 0; i < 5; i++) {
      inf.put('a');
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(maxRunning).toBe(1);
    expect(calls).toBe(2); // the first run, then one more for all the adds made meanwhile
    await ctl.close();
  });

  it('close() aborts in-flight reconciles, stops workers and leaves no timers', async () => {
    const inf = new ManualInformer();
    inf.sync();
    let signalSeen: AbortSignal | undefined;
    const ctl = runController({
      name: 't',
      informers: [inf],
      reconcile: (_k, signal) =>
        new Promise((resolve, reject) => {
          signalSeen = signal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    await ctl.ready;
    inf.put('a');
    inf.put('b');
    await vi.advanceTimersByTimeAsync(0);
    await ctl.close();
    expect(signalSeen?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close() before sync rejects ready and returns', async () => {
    const inf = new ManualInformer();
    const ctl = runController({ name: 't', informers: [inf], reconcile: async () => {} });
    await ctl.close();
    await expect(ctl.ready).rejects.toThrow(/closed before its caches synced/);
  });
});
