/** REST paths of the Kubernetes API, for the raw requests the typed client calls do not cover. */
import type { ResourceInfo } from '@tugboat/api';

export function groupVersionPath(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
}

export function resourcePath(info: ResourceInfo, namespace?: string, name?: string): string {
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const obj = name !== undefined ? `/${encodeURIComponent(name)}` : '';
  return `${groupVersionPath(info)}${ns}/${info.resource}${obj}`;
}

export function withQuery(path: string, params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
