/** The etcd key layout: /registry/<resource>/<namespace>/<name> (cluster-scoped: /registry/<resource>/<name>). */
import type { ResourceInfo } from '@tugboat/api';

export const REGISTRY_ROOT = '/registry/';

/** Plural names of stored resources are unique across groups (metrics.k8s.io is computed, never stored). */
export function resourcePrefix(info: ResourceInfo): string {
  return `${REGISTRY_ROOT}${info.resource}/`;
}

export function namespacePrefix(info: ResourceInfo, namespace: string): string {
  return `${resourcePrefix(info)}${namespace}/`;
}

export function objectKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${resourcePrefix(info)}${namespace}/${name}` : `${resourcePrefix(info)}${name}`;
}

/** `namespace/name` or `name`: the cache key of an object, same as clients use. */
export function cacheKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
