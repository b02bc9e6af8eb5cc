/**
 * REST paths as Kubernetes lays them out. Core group: `/api/v1/...`, named groups:
 * `/apis/{group}/{version}/...`; cluster-scoped resources (and lists across all namespaces)
 * have no `namespaces/{ns}` segment.
 */
import type { ResourceInfo } from '@tugboat/api';

export interface PathParts {
  namespace?: string | undefined;
  name?: string | undefined;
  subresource?: string | undefined;
}

export function groupVersionPath(resource: Pick<ResourceInfo, 'group' | 'version'>): string {
  return resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
}

export function resourcePath(resource: ResourceInfo, parts: PathParts = {}): string {
  const segments = [groupVersionPath(resource)];
  // A namespace on a cluster-scoped resource is ignored, as kubectl does, rather than producing a 404 path.
  if (resource.namespaced && parts.namespace) segments.push('namespaces', enc(parts.namespace));
  segments.push(resource.resource);
  if (parts.name !== undefined) {
    segments.push(enc(parts.name));
    if (parts.subresource) segments.push(parts.subresource);
  }
  return segments.join('/');
}

export type QueryValue = string | number | boolean | undefined;

/** `?a=1&b=x`, skipping undefined values; empty string when nothing is set. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
