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
import { triggerFor } from './triggers.js';
import { WatchCache } from './watch-cache.js';

export class Storage {
  private readonly stores = new Map<ResourceInfo, ObjectStore>();
  private readonly kinds = new Map<string, ObjectStore>();

  constructor(
    readonly store: Store,
    private readonly log: Logger,
    admission: () => Admission,
  ) {
    for (const info of RESOURCES) {
      if (info.readOnly) continue;
      const cache = new WatchCache(store, info, log, { triggerOf: triggerFor(info) });
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

  /** The storage of a built-in kind by its name (the node service's Pod, Node, Lease…). */
  byKind(kind: string): ObjectStore {
    let s = this.kinds.get(kind);
    if (!s) {
      s = [...this.stores.values()].find((x) => x.info.kind === kind);
      if (!s) throw new Error(`no storage for kind ${kind}`);
      this.kinds.set(kind, s);
    }
    return s;
  }
}
