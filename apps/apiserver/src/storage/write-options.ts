/**
 * What callers of ObjectStore's writes say about a write (handlers fill these from the request's
 * query: dryRun, fieldManager, the subresource of the URL). Re-exported by object-store.ts.
 */
import type { KubeObject } from '@tugboat/api';
import type { Subresource } from './strategy.js';

export interface WriteOptions {
  dryRun?: boolean;
  /** who writes: recorded in metadata.managedFields as an Update */
  fieldManager?: string;
  /** the write already recorded its manager (server-side apply records an Apply) */
  managerRecorded?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  subresource?: Subresource;
  /** create the object when it does not exist (PUT of a missing object, apply patch) */
  allowCreate?: boolean;
  /**
   * The apiserver's own write of fields it keeps itself (a lease renewal): tryUpdate returns the
   * object to store as it is, managedFields included, and it is swapped in as a binding is, with no
   * defaulting, admission, validation or managedFields entry of its own. A create still gets them all.
   */
  prepared?: boolean;
}

/** Computes the next object from the current one (undefined when it does not exist yet). */
export type TryUpdate = (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>;
