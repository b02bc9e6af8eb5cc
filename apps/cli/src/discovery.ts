/** Legacy discovery (/api, /apis, /api/v1, /apis/{g}/{v}): the resources the server actually serves. */
import type { RestClient } from '@tugboat/client';
import { getJson } from './fetch.js';

export interface ApiResource {
  name: string;
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  shortNames: string[];
  verbs: string[];
  categories: string[];
}

interface ApiResourceList {
  groupVersion?: string;
  resources?: { name: string; namespaced?: boolean; kind: string; shortNames?: string[]; verbs?: string[]; categories?: string[] }[];
}

interface ApiGroupList {
  groups?: { name: string; versions?: { groupVersion: string; version: string }[]; preferredVersion?: { groupVersion: string; version: string } }[];
}

export function resourcesOf(list: ApiResourceList, group: string, version: string): ApiResource[] {
  return (list.resources ?? [])
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      name: r.name,
      group,
      version,
      namespaced: r.namespaced ?? false,
      kind: r.kind,
      shortNames: r.shortNames ?? [],
      verbs: r.verbs ?? [],
      categories: r.categories ?? [],
    }));
}

/** Preferred-version resources of every group, core first, then groups by name; resources by name. */
export async function discover(client: RestClient): Promise<{ resources: ApiResource[]; failures: string[] }> {
  const resources: ApiResource[] = [];
  const failures: string[] = [];
  const core = await getJson<{ versions?: string[] }>(client, '/api');
  const gvs: { group: string; version: string; path: string }[] = (core.versions ?? []).slice(0, 1).map((v) => ({ group: '', version: v, path: `/api/${v}` }));
  const groups = await getJson<ApiGroupList>(client, '/apis');
  for (const g of groups.groups ?? []) {
    const preferred = g.preferredVersion ?? g.versions?.[0];
    if (preferred) gvs.push({ group: g.name, version: preferred.version, path: `/apis/${preferred.groupVersion}` });
  }
  for (const gv of gvs) {
    try {
      resources.push(...resourcesOf(await getJson<ApiResourceList>(client, gv.path), gv.group, gv.version));
    } catch (err) {
      failures.push(`${gv.group ? `${gv.group}/` : ''}${gv.version}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  resources.sort((a, b) => (a.group === b.group ? a.name.localeCompare(b.name) : a.group.localeCompare(b.group)));
  return { resources, failures };
}
