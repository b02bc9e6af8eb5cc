/**
 * Per-kind rules the generic object store applies around writes, as Kubernetes' registry
 * strategies do: what create resets, what an update may change (main resource vs status),
 * and when generation moves.
 */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { isDeepStrictEqual } from 'node:util';

/** binding: the scheduler's write of spec.nodeName, validated by its own handler */
export type Subresource = 'status' | 'binding' | undefined;

function hasStatusSubresource(info: ResourceInfo): boolean {
  return info.subresources.includes('status');
}

/** Kinds whose spec changes are counted in metadata.generation (workloads and other non-core kinds). */
export function tracksGeneration(info: ResourceInfo): boolean {
  return info.group !== '' && info.kind !== 'Lease';
}

/** The fields that are neither metadata nor status: a change here is a spec change. */
function specOf(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

export function specChanged(a: KubeObject, b: KubeObject): boolean {
  return !isDeepStrictEqual(specOf(a), specOf(b));
}

/** Initial status on create: what clients send is dropped where a status subresource owns it. */
export function prepareForCreate(info: ResourceInfo, obj: KubeObject): void {
  if (tracksGeneration(info)) obj.metadata.generation = 1;
  switch (info.kind) {
    case 'Namespace':
      obj.status = { phase: 'Active' };
      return;
    case 'Pod':
      obj.status = { phase: 'Pending' };
      return;
    case 'Node':
      // the node agent registers its node with a status it measured
      return;
    default:
      if (hasStatusSubresource(info)) {
        if (info.kind === 'Service') obj.status = { loadBalancer: {} };
        else delete obj.status;
      }
  }
}

/**
 * Main-resource updates keep the stored status; status updates keep the stored spec and metadata
 * (but for what the finalizer machinery needs). Returns the object to validate and store.
 */
export function prepareForUpdate(info: ResourceInfo, next: KubeObject, old: KubeObject, sub: Subresource): KubeObject {
  if (sub === 'binding') return { ...next, metadata: { ...old.metadata } };
  if (sub === 'status') {
    return { ...old, status: next.status, metadata: { ...old.metadata } };
  }
  const out: KubeObject = { ...next, metadata: { ...next.metadata } };
  if (hasStatusSubresource(info) && info.kind !== 'Node') {
    if (old.status === undefined) delete out.status;
    else out.status = old.status;
  }
  // identity and lifecycle fields are the server's
  out.metadata.uid = old.metadata.uid;
  out.metadata.creationTimestamp = old.metadata.creationTimestamp;
  out.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
  out.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  if (out.metadata.deletionTimestamp === undefined) delete out.metadata.deletionTimestamp;
  if (out.metadata.deletionGracePeriodSeconds === undefined) delete out.metadata.deletionGracePeriodSeconds;
  return out;
}

/** Generation moves on spec changes only; call after defaulting so defaults never count as a change. */
export function updateGeneration(info: ResourceInfo, next: KubeObject, old: KubeObject): void {
  if (tracksGeneration(info)) {
    const gen = old.metadata.generation ?? 1;
    next.metadata.generation = specChanged(next, old) ? gen + 1 : gen;
  } else if (old.metadata.generation !== undefined) {
    next.metadata.generation = old.metadata.generation;
  } else delete next.metadata.generation;
}
