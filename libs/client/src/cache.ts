/**
 * The informer's local copy of the objects, keyed `namespace/name`. Pure bookkeeping, no I/O:
 * replace() diffs a fresh list against what was cached so a relist can report the objects that
 * vanished while the watch was down (kubernetes-client/javascript's ListWatch does the same).
 */
import type { KubeObject } from '@tugboat/api';
import { keyOf } from './keys.js';

/** Read access to a cache: what listers and reconcilers get. */
export interface ObjectCache<T extends KubeObject = KubeObject> {
  get(key: string): T | undefined;
  /** every object, or those of one namespace */
  list(namespace?: string): T[];
}

export interface ReplaceDiff<T> {
  added: T[];
  updated: { obj: T; old: T }[];
  deleted: T[];
}

export class ObjectStore<T extends KubeObject = KubeObject> implements ObjectCache<T> {
  private readonly byKey = new Map<string, T>();

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  list(namespace?: string): T[] {
    const all = [...this.byKey.values()];
    return namespace === undefined ? all : all.filter((o) => (o.metadata.namespace ?? '') === namespace);
  }

  size(): number {
    return this.byKey.size;
  }

  /** Insert or replace; returns the previous object if there was one. */
  upsert(obj: T): T | undefined {
    const key = keyOf(obj);
    const old = this.byKey.get(key);
    this.byKey.set(key, obj);
    return old;
  }

  remove(key: string): T | undefined {
    const old = this.byKey.get(key);
    this.byKey.delete(key);
    return old;
  }

  /** Swap in a complete list. Unchanged resourceVersions are not reported as updates. */
  replace(items: readonly T[]): ReplaceDiff<T> {
    const diff: ReplaceDiff<T> = { added: [], updated: [], deleted: [] };
    const fresh = new Map(items.map((o) => [keyOf(o), o] as const));
    for (const [key, old] of this.byKey) if (!fresh.has(key)) diff.deleted.push(old);
    for (const [key, obj] of fresh) {
      const old = this.byKey.get(key);
      if (!old) diff.added.push(obj);
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) diff.updated.push({ obj, old });
    }
    this.byKey.clear();
    for (const [key, obj] of fresh) this.byKey.set(key, obj);
    return diff;
  }
}
