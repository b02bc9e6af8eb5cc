/**
 * A prefix watch from a revision, on the Store's own etcd Watch streams (kv-watch.ts). A stream that
 * drops is reopened after the last revision delivered (`onReconnect` says so); a cancel from etcd
 * (usually: the start revision was compacted) means the watch is dead and the owner must relist:
 * the caller gets exactly one `onExpired`.
 */
import type { Store } from './store.js';
import type { StoreEvent } from './watch-codec.js';
import { prefixRangeEnd } from './watch-codec.js';

export type { StoreEvent } from './watch-codec.js';

export interface PrefixWatchHandlers {
  /** events of one etcd response, in revision order, with the revision delivered so far (see deliveredUpTo) */
  onEvents(events: StoreEvent[], revision: number): void;
  onExpired(err: Error): void;
  /** the stream dropped; it is reopened and the watch resumes after `delivered` */
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

export async function watchPrefix(store: Store, prefix: string, fromRevision: number, handlers: PrefixWatchHandlers): Promise<PrefixWatch> {
  let dead = false;
  let delivered = fromRevision - 1;
  const key = Buffer.from(prefix);
  const stream = await store.watches.watch(
    { key, rangeEnd: prefixRangeEnd(key), from: () => delivered + 1 },
    {
      onResponse: (res) => {
        if (dead) return;
        delivered = deliveredUpTo(delivered, res.events, res.headerRevision);
        handlers.onEvents(res.events, delivered);
      },
      onCanceled: (err) => {
        if (dead) return;
        dead = true;
        handlers.onExpired(err);
      },
      onDropped: (err) => {
        if (!dead) handlers.onReconnect?.(err, delivered);
      },
    },
  );
  return {
    close() {
      dead = true;
      stream.close();
      return Promise.resolve();
    },
  };
}
