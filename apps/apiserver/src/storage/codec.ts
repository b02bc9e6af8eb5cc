/**
 * How objects are stored: JSON without metadata.resourceVersion, which is always the key's etcd
 * mod revision and is put back on every read.
 */
import type { KubeObject } from '@tugboat/api';
import type { StoredValue } from '@tugboat/store';

export function decodeStored(kv: StoredValue): KubeObject {
  const obj = JSON.parse(kv.value) as KubeObject;
  obj.metadata = { ...obj.metadata, resourceVersion: String(kv.modRevision) };
  return obj;
}

export function encodeForStore(obj: KubeObject): string {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return JSON.stringify({ ...obj, metadata });
}

export function withResourceVersion<T extends KubeObject>(obj: T, rev: number): T {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rev) } };
}
