/** HttpRestClient against the real apiserver on a real etcd: CRUD, patch types, errors, paths. */
import { isApiError, resourceFor } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectRef } from './rest.js';
import { startTestCluster } from './testing/cluster.js';
import type { TestCluster } from './testing/cluster.js';

const configmaps = resourceFor('', 'v1', 'configmaps')!;
const namespaces = resourceFor('', 'v1', 'namespaces')!;
const leases = resourceFor('coordination.k8s.io', 'v1', 'leases')!;

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(async () => {
  await cluster?.close();
});

function cm(name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data };
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => undefined, (err: unknown) => err);
}

describe('HttpRestClient (real apiserver)', () => {
  it('creates, gets, lists with a selector, updates and deletes a namespaced object', async () => {
    const { client } = cluster;
    const created = await client.create<ConfigMap>(configmaps, cm('crud', { a: '1' }, { app: 'crud' }));
    expect(created.metadata.namespace).toBe('default'); // the kubeconfig context's namespace
    expect(created.metadata.uid).toBeTruthy();
    const ref: ObjectRef = { resource: configmaps, namespace: 'default', name: 'crud' };
    expect((await client.get<ConfigMap>(ref)).data).toEqual({ a: '1' });

    await client.create(configmaps, cm('other', {}, { app: 'other' }));
    const listed = await client.list(configmaps, { namespace: 'default', labelSelector: 'app=crud' });
    expect(listed.items.map((o) => o.metadata.name)).toEqual(['crud']);
    expect(listed.metadata.resourceVersion).toMatch(/^\d+$/);

    const updated = await client.update<ConfigMap>(ref, { ...created, data: { a: '2' } });
    expect(updated.data).toEqual({ a: '2' });
    const stale = await errorOf(client.update(ref, { ...created, data: { a: '3' } }));
    expect(isApiError(stale, 'Conflict')).toBe(true);

    await client.delete(ref);
    expect(isApiError(await errorOf(client.get(ref)), 'NotFound')).toBe(true);
  });

  it('maps Status errors to ApiError codes', async () => {
    const { client } = cluster;
    await client.create(configmaps, cm('dup'));
    const dup = await errorOf(client.create(configmaps, cm('dup')));
    expect(isApiError(dup, 'AlreadyExists')).toBe(true);
    expect((dup as Error).message).toContain('"dup" already exists');
    const missing = await errorOf(client.get({ resource: configmaps, name: 'nope' }));
    expect(isApiError(missing, 'NotFound')).toBe(true);
  });

  it('sends each patch type with its content type', async () => {
    const { client } = cluster;
    await client.create(configmaps, cm('patched', { a: '1' }));
    const ref: ObjectRef = { resource: configmaps, name: 'patched' };
    expect((await client.patch<ConfigMap>(ref, 'merge', { data: { b: '2' } })).data).toEqual({ a: '1', b: '2' });
    expect((await client.patch<ConfigMap>(ref, 'json', [{ op: 'remove', path: '/data/a' }])).data).toEqual({ b: '2' });
    expect((await client.patch<ConfigMap>(ref, 'strategic', { data: { c: '3' } })).data).toEqual({ b: '2', c: '3' });
    const dry = await client.patch<ConfigMap>(ref, 'merge', { data: { e: '5' } }, { dryRun: true });
    expect(dry.data?.['e']).toBe('5');
    expect((await client.get<ConfigMap>(ref)).data?.['e']).toBeUndefined();
  });

  it('sends server-side apply as application/apply-patch+yaml with fieldManager and force', async (ctx) => {
    const { client } = cluster;
    const ref: ObjectRef = { resource: configmaps, name: 'applied' };
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied' }, data: { d: '4' } };
    const applied = await client.patch<ConfigMap>(ref, 'apply', body, { fieldManager: 'it', force: true }).catch((err: unknown) => {
      // The apiserver's apply is still being written (libs/api serverSideApply); run this once it lands.
      if (isApiError(err, 'InternalError') && /not implemented/.test(err.message)) ctx.skip();
      throw err;
    });
    expect(applied.data).toEqual({ d: '4' });
    expect(applied.metadata.managedFields?.some((f) => f.manager === 'it' && f.operation === 'Apply')).toBe(true);
  });

  it('addresses cluster-scoped and named-group resources', async () => {
    const { client } = cluster;
    await client.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'it-ns' } });
    expect((await client.get({ resource: namespaces, name: 'it-ns' })).kind).toBe('Namespace');
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l1', namespace: 'it-ns' }, spec: { holderIdentity: 'me' } };
    await client.create(leases, lease);
    const got = await client.get({ resource: leases, namespace: 'it-ns', name: 'l1' });
    expect(got.spec).toMatchObject({ holderIdentity: 'me' });
    expect((await client.list(leases)).items.some((o) => o.metadata.name === 'l1')).toBe(true);
  });

  it('passes raw requests through without throwing on status', async () => {
    const res = await cluster.client.request('GET', '/api');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).kind).toBe('APIVersions');
    expect((await cluster.client.request('GET', '/api/v1/namespaces/default/configmaps/none')).status).toBe(404);
  });
});
