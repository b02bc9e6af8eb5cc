/**
 * A small /openapi/v3: one PATCH operation per kind that declares the fieldValidation parameter,
 * which is what tells kubectl the server validates fields itself (so plain `kubectl apply` works
 * without client-side schemas). Real schemas are not served.
 */
import { createHash } from 'node:crypto';
import { RESOURCES, apiVersionOf, groupVersions } from '@tugboat/api';
import { REMOVED_VERSIONS } from './discovery.js';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function openApiDocument(group: string, version: string): Record<string, unknown> | undefined {
  // removed versions are described too, so kubectl sends them here and shows the server's explanation
  const infos = [
    ...RESOURCES.filter((r) => !r.readOnly),
    ...REMOVED_VERSIONS.map((r) => ({ ...r, namespaced: true })),
  ].filter((r) => r.group === group && r.version === version);
  if (infos.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const info of infos) {
    const prefix = `/${gvPath(group, version)}${info.namespaced ? '/namespaces/{namespace}' : ''}/${info.resource}/{name}`;
    const gvk = { group, version, kind: info.kind };
    const params = [
      { name: 'fieldValidation', in: 'query', schema: { type: 'string' } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string' } },
      { name: 'dryRun', in: 'query', schema: { type: 'string' } },
    ];
    paths[prefix] = {
      patch: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'patch', parameters: params, responses: {} },
      put: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'put', parameters: params, responses: {} },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Tugboat', version: apiVersionOf({ group, version }) }, paths, components: { schemas: {} } };
}

export function openApiIndex(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const gv of [...groupVersions(), ...REMOVED_VERSIONS]) {
    const doc = openApiDocument(gv.group, gv.version);
    if (!doc) continue;
    const hash = createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 16).toUpperCase();
    paths[gvPath(gv.group, gv.version)] = { serverRelativeURL: `/openapi/v3/${gvPath(gv.group, gv.version)}?hash=${hash}` };
  }
  return { paths };
}
