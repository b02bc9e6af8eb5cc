/** Reads the typed client calls don't cover: Table responses and discovery documents. */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import type { RestClient } from '@tugboat/client';
import { errorFromBody } from './errors.js';
import { TABLE_ACCEPT, isTable, objectsToTable } from './format/table.js';
import type { Table } from './format/table.js';
import { resourcePath, withQuery } from './paths.js';

export async function getJson<T>(client: RestClient, path: string, accept = 'application/json'): Promise<T> {
  const res = await client.request('GET', path, { headers: { accept } });
  if (res.status < 200 || res.status >= 300) throw errorFromBody(res.status, res.body);
  return JSON.parse(res.body.toString('utf8')) as T;
}

export interface TableQuery {
  namespace?: string | undefined;
  name?: string | undefined;
  labelSelector?: string | undefined;
  fieldSelector?: string | undefined;
}

/** GET a list or one object as a Table; plain objects (servers without tables) become NAME/AGE tables. */
export async function fetchTable(client: RestClient, info: ResourceInfo, q: TableQuery, now: Date): Promise<Table> {
  const path = withQuery(resourcePath(info, q.namespace, q.name), {
    labelSelector: q.name === undefined ? q.labelSelector : undefined,
    fieldSelector: q.name === undefined ? q.fieldSelector : undefined,
  });
  const body = await getJson<unknown>(client, path, TABLE_ACCEPT);
  if (isTable(body)) return body;
  const obj = body as { items?: KubeObject[]; metadata?: KubeObject['metadata'] };
  if (Array.isArray(obj.items)) return objectsToTable(obj.items, now, obj.metadata ?? {});
  return objectsToTable([body as KubeObject], now);
}

/** Objects of a list response carry no apiVersion/kind; put them back as kubectl does. */
export function withTypeMeta(info: ResourceInfo, obj: KubeObject): KubeObject {
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  return { ...obj, apiVersion: obj.apiVersion || apiVersion, kind: obj.kind || info.kind };
}
