/**
 * The controller runner: informer events → keys in a WorkQueue → N workers calling reconcile(key).
 * Event handlers only enqueue keys (level-triggered: reconcile reads current state from the caches,
 * never the event). A throw retries the key with per-key exponential back-off, a TerminalError is
 * logged and forgotten, `{ requeueAfterMs }` schedules the next look.
 */
import type { KubeObject } from '@tugboat/api';
import { ADD, DELETE, UPDATE } from './handlers.js';
import type { InformerEventType } from './handlers.js';
import type { Informer, Running } from './informer.js';
import { keyOf } from './keys.js';
import { silentLogger } from './logger.js';
import type { Logger } from './logger.js';
import { isTerminalError } from './terminal-error.js';
import { WorkQueue } from './workqueue.js';

export interface ReconcileResult {
  /** look at the key again after this long even if nothing changes */
  readonly requeueAfterMs?: number;
}

export type ReconcileFn = (key: string, signal: AbortSignal) => Promise<ReconcileResult | void>;

export interface WatchSource<T extends KubeObject = KubeObject> {
  informer: Informer<T>;
  /** Which key(s) an event concerns (e.g. a Pod's owning ReplicaSet). Default: the object's own key. */
  keys?(obj: T, event: InformerEventType): string | readonly string[] | undefined;
}

export interface ControllerOptions {
  name: string;
  /** started (and shared) by the caller; the controller waits for them to sync */
  informers: readonly (Informer | WatchSource)[];
  reconcile: ReconcileFn;
  workers?: number;
  logger?: Logger;
  /** after this many consecutive failures a key is dropped until its next event (default: never) */
  maxRetries?: number;
  queue?: WorkQueue;
}

export interface RunningController extends Running {
  readonly queue: WorkQueue;
}

export function runController(opts: ControllerOptions): RunningController {
  const log = opts.logger ?? silentLogger;
  const queue = opts.queue ?? new WorkQueue();
  const abort = new AbortController();
  const sources = opts.informers.map((s): WatchSource => ('informer' in s ? s : { informer: s }));
  const unsubscribe = sources.map((source) => subscribe(source, queue));
  const workers: Promise<void>[] = [];

  const aborted = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
  const ready = (async () => {
    await Promise.race([Promise.all(sources.map((s) => s.informer.synced())), aborted]);
    if (abort.signal.aborted) throw new Error(`controller ${opts.name} closed before its caches synced`);
    const count = Math.max(1, opts.workers ?? 1);
    for (let i = 0; i < count; i++) workers.push(work({ opts, queue, log, signal: abort.signal }));
    log.info({ controller: opts.name, workers: count }, 'controller started');
  })();
  ready.catch(() => {});

  return {
    ready,
    queue,
    async close() {
      abort.abort();
      for (const off of unsubscribe) off();
      queue.shutDown();
      await ready.catch(() => {});
      await Promise.all(workers);
    },
  };
}

function subscribe(source: WatchSource, queue: WorkQueue): () => void {
  const enqueue = (obj: KubeObject, event: InformerEventType): void => {
    const keys = source.keys ? source.keys(obj, event) : keyOf(obj);
    if (keys === undefined) return;
    for (const key of typeof keys === 'string' ? [keys] : keys) queue.add(key);
  };
  return source.informer.addEventHandler({
    add: (obj) => enqueue(obj, ADD),
    // Both sides of an update: an object that moved owner concerns the old owner too.
    update: (obj, old) => {
      enqueue(obj, UPDATE);
      enqueue(old, UPDATE);
    },
    delete: (obj) => enqueue(obj, DELETE),
  });
}

interface WorkerContext {
  opts: ControllerOptions;
  queue: WorkQueue;
  log: Logger;
  signal: AbortSignal;
}

async function work(ctx: WorkerContext): Promise<void> {
  for (;;) {
    const key = await ctx.queue.get();
    if (key === undefined) return;
    try {
      await processKey(ctx, key);
    } finally {
      ctx.queue.done(key);
    }
  }
}

async function processKey({ opts, queue, log, signal }: WorkerContext, key: string): Promise<void> {
  const controller = opts.name;
  try {
    const result = await opts.reconcile(key, signal);
    queue.forget(key);
    if (result?.requeueAfterMs !== undefined) queue.addAfter(key, result.requeueAfterMs);
  } catch (err) {
    if (signal.aborted) return; // shutting down: the failure is most likely the abort itself
    if (isTerminalError(err)) {
      log.error({ err, controller, key }, 'reconcile failed permanently; not retrying');
      queue.forget(key);
    } else if (opts.maxRetries !== undefined && queue.numRequeues(key) >= opts.maxRetries) {
      log.error({ err, controller, key, retries: queue.numRequeues(key) }, 'reconcile kept failing; dropping key');
      queue.forget(key);
    } else {
      log.warn({ err, controller, key, retries: queue.numRequeues(key) }, 'reconcile failed; retrying with back-off');
      queue.addRateLimited(key);
    }
  }
}
