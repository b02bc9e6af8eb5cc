/**
 * All resources' storage: one watch cache and one ObjectStore per stored resource, started together.
 * Consistent lists are served from the watch cache once it has seen every write this apiserver
 * acknowledged for the resource (the apiserver is the only writer of /registry, see DESIGN.md).
 */
import type { ResourceInfo } from '@tugboat/api';
import { RESOURCES } from '@tugboat/api';
import type { Store } from '@tugboat/store';
import type { Logger } from 'pino';
import type { Admission } from './admission.js';
import { ObjectStore } from './object-store.js';
import { WatchCache } from './watch-cache.js';

export class Storage {
  private readonly stores = new Map<ResourceInfo, ObjectStore>();

  constructor(
    readonly store: Store,
    private readonly log: Logger,
    admission: () => Admission,
  ) {
    for (const info of RESOURCES) {
      if (info.readOnly) continue;
      const cache = new WatchCache(store, info, log);
      this.stores.set(info, new ObjectStore(info, store, cache, admission));
    }
  }

  async start(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.cache.start()));
  }

  async close(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.cache.close()));
  }

  for(info: ResourceInfo): ObjectStore | undefined {
    return this.stores.get(info);
  }

  byKind(kind: string): ObjectStore {
    const s = [...this.stores.values()].find((x) => x.info.kind === kind);
    if (!s) throw new Error(`no storage for kind ${kind}`);
    return s;
  }
}
