/**
 * The metadata.managedFields entry a create or update records for its field manager (an Update).
 * Server-side apply records its own Apply entry and says so with `managerRecorded`.
 */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { recordUpdateManager } from '@tugboat/api';
import type { UpdateOptions, WriteOptions } from './write-options.js';

/**
 * A create's manager owns what the client sent and the defaults, not the status a kind with a
 * status subresource starts with (the server sets it, as PrepareForCreate does after Kubernetes
 * records the create's fields): so the first status report takes nothing from the creator.
 */
export function withCreateManager(info: ResourceInfo, obj: KubeObject, opts: WriteOptions): KubeObject {
  if (opts.managerRecorded || !info.subresources.includes('status') || !('status' in obj)) return withManager(undefined, obj, opts);
  const { status, ...rest } = obj;
  return { ...withManager(undefined, rest as KubeObject, opts), status };
}

/** A status write's entry is for the status subresource; a binding records none (it never calls this). */
export function withManager(old: KubeObject | undefined, next: KubeObject, opts: UpdateOptions): KubeObject {
  if (opts.managerRecorded) return next;
  const subresource = opts.subresource === 'status' ? 'status' : undefined;
  return recordUpdateManager(old, next, { manager: opts.fieldManager ?? 'unknown', subresource });
}
