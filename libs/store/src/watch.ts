/**
 * A prefix watch from a revision. etcd3 reconnects a dropped stream on its own; this watch tells it
 * where to resume (see `resumeFrom`). Any 'error' means the watch is dead (usually: the start
 * revision was compacted), and the owner must relist — the caller gets exactly one `onExpired`.
 */
import type { Watcher } from 'etcd3';
import type { Store, StoredValue } from './store.js';
import { toStoredValue } from './store.js';

const CANCEL_TIMEOUT_MS = 2_000;

/**
 * No previous values: the one owner of prefix watches (the apiserver's watch cache) keeps every key's
 * last value itself, and asking etcd for them (prev_kv) made it read each one back from its backend
 * and send it again with every event, doubling what is sent and decoded.
 */
export type StoreEvent =
  | { type: 'put'; kv: StoredValue }
  | { type: 'delete'; key: string; modRevision: number };

export interface PrefixWatchHandlers {
  /** events of one etcd response, in revision order, with the revision delivered so far (see deliveredUpTo) */
  onEvents(events: StoreEvent[], revision: number): void;
  onExpired(err: Error): void;
  /** the stream dropped; etcd3 reconnects it and the watch resumes after `delivered` */
  onReconnect?(err: Error, delivered: number): void;
}

export interface PrefixWatch {
  close(): Promise<void>;
}

/**
 * The revision a watch has seen everything up to, after one response. A response that catches up a
 * watcher that fell behind carries the store's current revision in its header while more of its
 * events are still to come (etcd sends them 1,000 revisions at a time): only its last event's
 * revision is safe. An empty response (a progress notification, sent to watchers that are caught
 * up) vouches for its header revision.
 */
export function deliveredUpTo(before: number, events: readonly StoreEvent[], headerRevision: number): number {
  const last = events[events.length - 1];
  if (!last) return Math.max(before, headerRevision);
  return Math.max(before, last.type === 'put' ? last.kv.modRevision : last.modRevision);
}

/**
 * etcd3 resumes a reconnected watcher after the header revision of the last response it saw, which
 * for a catch-up response skips the events still to come. The request it re-sends is the watcher's
 * own, read when the new stream attaches, so setting it while 'disconnected' is emitted corrects it.
 */
function resumeFrom(watcher: Watcher, revision: number): void {
  watcher.request.start_revision = String(revision);
}

export async function watchPrefix(
  store: Store,
  prefix: string,
  fromRevision: number,
  handlers: PrefixWatchHandlers,
): Promise<PrefixWatch> {
  const watcher: Watcher = await store.etcd
    .watch()
    .prefix(prefix)
    .startRevision(String(fromRevision))
    .create();
  let dead = false;
  let delivered = fromRevision - 1;
  watcher.on('disconnected', (err: Error) => {
    if (dead) return;
    resumeFrom(watcher, delivered + 1);
    handlers.onReconnect?.(err, delivered);
  });
  watcher.on('data', (res) => {
    if (dead) return;
    const events: StoreEvent[] = (res.events ?? []).map((ev) =>
      ev.type === 'Delete'
        ? { type: 'delete', key: ev.kv.key.toString(), modRevision: Number(ev.kv.mod_revision) }
        : { type: 'put', kv: toStoredValue(ev.kv) },
    );
    delivered = deliveredUpTo(delivered, events, Number(res.header.revision));
    handlers.onEvents(events, delivered);
  });
  watcher.on('error', (err: Error) => {
    if (dead) return;
    dead = true;
    handlers.onExpired(err);
  });
  return {
    async close() {
      dead = true;
      // a cancel sent while etcd3 is reconnecting the shared stream may never be answered;
      // closing the Store ends the stream anyway, so don't let shutdown wait on it
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_TIMEOUT_MS)));
      await Promise.race([watcher.cancel().catch(() => undefined), giveUp]);
      clearTimeout(timer);
    },
  };
}
