/**
 * Object keys as client-go's MetaNamespaceKeyFunc builds them: `namespace/name`, or just `name`
 * for cluster-scoped objects. Work queues and caches are keyed by these strings.
 */
import type { KubeObject } from '@tugboat/api';

export interface ObjectKey {
  readonly namespace?: string;
  readonly name: string;
}

export function keyOf(obj: Pick<KubeObject, 'metadata'>): string {
  const { namespace, name } = obj.metadata;
  if (!name) throw new Error('object has no metadata.name: cannot build a key');
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): ObjectKey {
  const slash = key.indexOf('/');
  if (slash < 0) return { name: key };
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
