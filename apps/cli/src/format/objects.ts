/** `-o json|yaml|name` output of API objects, keys sorted as kubectl prints them. */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { stringify } from 'yaml';

/** `deployment.apps`, `pod`: how kubectl names a kind in `-o name` and in its messages. */
export function kindName(info: Pick<ResourceInfo, 'kind' | 'group'>): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/** `deployments.apps`, `pods`: the resource as it appears in server messages. */
export function resourceName(info: Pick<ResourceInfo, 'resource' | 'group'>): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const src = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(src)
        .sort()
        .map((k) => [k, sortKeys(src[k])]),
    );
  }
  return value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4) + '\n';
}

export function toYaml(value: unknown): string {
  return stringify(sortKeys(value), { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false });
}

/** What `get` prints for several objects: a v1 List, as kubectl does. */
export function asList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } };
}

export type ObjectFormat = 'json' | 'yaml' | 'name';

export function formatObjects(items: readonly KubeObject[], format: ObjectFormat, info: (o: KubeObject) => Pick<ResourceInfo, 'kind' | 'group'>, single: boolean): string {
  if (format === 'name') return items.map((o) => `${kindName(info(o))}/${o.metadata.name ?? ''}\n`).join('');
  const value = single && items.length === 1 ? items[0] : asList(items);
  return format === 'json' ? toJson(value) : toYaml(value);
}
