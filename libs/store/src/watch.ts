/**
 * A prefix watch from a revision. etcd3 reconnects on its own and replays from the last
 * revision it saw; any 'error' means the watch is dead (usually: the start revision was
 * compacted), and the owner must relist — the caller gets exactly one `onExpired`.
 */
import type { Watcher } from 'etcd3';
import type { Store, StoredValue } from './store.js';
import { toStoredValue } from './store.js';

const CANCEL_TIMEOUT_MS = 2_000;

export type StoreEvent =
  | { type: 'put'; kv: StoredValue; prev: StoredValue | undefined }
  | { type: 'delete'; key: string; modRevision: number; prev: StoredValue | undefined };

export interface PrefixWatchHandlers {
  /** events of one etcd response, in revision order, with the response header's revision */
  onEvents(events: StoreEvent[], revision: number): void;
  onExpired(err: Error): void;
}

export interface PrefixWatch {
  close(): Promise<void>;
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
    .withPreviousKV()
    .create();
  let dead = false;
  watcher.on('data', (res) => {
    if (dead) return;
    const events: StoreEvent[] = (res.events ?? []).map((ev) => {
      const kv = ev.kv;
      const prevKv = ev.prev_kv;
      if (ev.type === 'Delete') {
        return { type: 'delete', key: kv.key.toString(), modRevision: Number(kv.mod_revision), prev: prevKv ? toStoredValue(prevKv) : undefined };
      }
      // most owners never look at a put's previous value: decode it (a whole object) only when asked
      let prev: StoredValue | undefined;
      return {
        type: 'put',
        kv: toStoredValue(kv),
        get prev() {
          if (prev === undefined && prevKv) prev = toStoredValue(prevKv);
          return prev;
        },
      };
    });
    handlers.onEvents(events, Number(res.header.revision));
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
