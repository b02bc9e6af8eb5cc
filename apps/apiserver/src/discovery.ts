/**
 * Discovery documents in the legacy format kubectl falls back to: /api, /apis, /api/v1,
 * /apis/<group>/<version>. Built once from the kinds registry.
 */
import type { ResourceInfo } from '@tugboat/api';
import { RESOURCES, apiVersionOf, groupVersions } from '@tugboat/api';

const WRITE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Versions Kubernetes stopped serving: listed so kubectl routes them here, refused with the replacement's name. */
export const REMOVED_VERSIONS: readonly { group: string; version: string; resource: string; kind: string; replacement: string; removedIn: string }[] = [
  { group: 'batch', version: 'v1beta1', resource: 'cronjobs', kind: 'CronJob', replacement: 'batch/v1', removedIn: '1.25' },
];

export function removedVersion(group: string, version: string, resource: string) {
  return REMOVED_VERSIONS.find((r) => r.group === group && r.version === version && r.resource === resource);
}

function subresourceEntries(info: ResourceInfo): Record<string, unknown>[] {
  return info.subresources.flatMap((sub) => {
    const base = { name: `${info.resource}/${sub}`, singularName: '', namespaced: info.namespaced };
    switch (sub) {
      case 'status':
        return [{ ...base, kind: info.kind, verbs: ['get', 'patch', 'update'] }];
      case 'scale':
        return [{ ...base, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }];
      case 'binding':
        return [{ ...base, kind: 'Binding', verbs: ['create'] }];
      case 'eviction':
        return [{ ...base, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] }];
      case 'log':
        return [{ ...base, kind: 'Pod', verbs: ['get'] }];
      case 'exec':
      case 'attach':
      case 'portforward':
        return [{ ...base, kind: sub === 'exec' ? 'PodExecOptions' : sub === 'attach' ? 'PodAttachOptions' : 'PodPortForwardOptions', verbs: ['create', 'get'] }];
      default:
        return [];
    }
  });
}

export function resourceList(group: string, version: string): Record<string, unknown> | undefined {
  const infos = RESOURCES.filter((r) => r.group === group && r.version === version);
  const removed = REMOVED_VERSIONS.filter((r) => r.group === group && r.version === version);
  if (infos.length === 0 && removed.length === 0) return undefined;
  const resources = infos.flatMap((info) => [
    {
      name: info.resource,
      singularName: info.singular,
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: info.readOnly ? ['get', 'list'] : WRITE_VERBS,
      ...(info.shortNames.length ? { shortNames: info.shortNames } : {}),
      ...(info.categories.length ? { categories: info.categories } : {}),
    },
    ...subresourceEntries(info),
  ]);
  for (const r of removed) resources.push({ name: r.resource, singularName: r.kind.toLowerCase(), namespaced: true, kind: r.kind, verbs: WRITE_VERBS });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function apiVersions(): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '' }] };
}

export function apiGroupList(): Record<string, unknown> {
  const groups = new Map<string, { groupVersion: string; version: string }[]>();
  for (const gv of groupVersions()) {
    if (!gv.group) continue;
    groups.set(gv.group, [...(groups.get(gv.group) ?? []), { groupVersion: apiVersionOf(gv), version: gv.version }]);
  }
  for (const r of REMOVED_VERSIONS) {
    const list = groups.get(r.group) ?? [];
    if (!list.some((v) => v.version === r.version)) list.push({ groupVersion: `${r.group}/${r.version}`, version: r.version });
    groups.set(r.group, list);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups.entries()].map(([name, versions]) => ({ name, versions, preferredVersion: versions[0] })),
  };
}

export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-tugboat.0.1.0',
    gitCommit: 'tugboat',
    gitTreeState: 'clean',
    buildDate: '2026-11-22T00:00:00Z',
    goVersion: `node${process.versions.node}`,
    compiler: 'tsc',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
