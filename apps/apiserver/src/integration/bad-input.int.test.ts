/**
 * Bad input never crashes the server and never changes what is stored: each case checks the
 * answer (status, reason, causes) and that the stored object is byte-for-byte what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestControlPlane } from '@tugboat/apiserver/testing';
import { kubectlFor, startTestControlPlane } from '@tugboat/apiserver/testing';
import { RawBody, call } from './fixtures.js';

let cp: TestControlPlane;
let base: string;
const CM_PATH = '/api/v1/namespaces/default/configmaps';
const DEPLOY_PATH = '/apis/apps/v1/namespaces/default/deployments';
let before: string;

const deployment = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox:1' }] } },
    ...extra,
  },
});

async function stored(): Promise<string> {
  const r = await call(base, 'GET', `${CM_PATH}/keep`);
  return JSON.stringify(r.body);
}

beforeAll(async () => {
  cp = await startTestControlPlane({ insecure: true });
  base = cp.api.insecureUrl!;
  await call(base, 'POST', CM_PATH, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' }, data: { a: '1' } });
  before = await stored();
});
afterAll(async () => {
  await cp?.close();
});

describe('bad input', () => {
  it('malformed JSON and YAML → 400 BadRequest', async () => {
    const r = await call(base, 'PUT', `${CM_PATH}/keep`, new RawBody('{"apiVersion": "v1", "kind": '));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    const y = await call(base, 'PATCH', `${CM_PATH}/keep?fieldManager=t`, new RawBody('data: [unclosed', 'application/apply-patch+yaml'));
    expect(y.status).toBe(400);
    const p = await call(base, 'PATCH', `${CM_PATH}/keep`, new RawBody('{"data":', 'application/merge-patch+json'));
    expect(p.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('an invalid object → 422 Invalid with every bad field as a cause', async () => {
    const bad = deployment('bad', { replicas: -1 });
    (bad.spec.template.spec.containers[0] as Record<string, unknown>).name = '';
    const r = await call(base, 'POST', DEPLOY_PATH, bad);
    expect(r.status).toBe(422);
    expect(r.body.reason).toBe('Invalid');
    const causes = (r.body.details as { causes: { field: string; message: string }[] }).causes;
    expect(causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'spec.replicas', message: expect.stringContaining('must be greater than or equal to 0') }),
        expect.objectContaining({ field: 'spec.template.spec.containers[0].name', message: 'Required value' }),
      ]),
    );
    expect((await call(base, 'GET', `${DEPLOY_PATH}/bad`)).status).toBe(404);
  });

  it('an invalid update leaves the stored object unchanged', async () => {
    const r = await call(base, 'PATCH', `${CM_PATH}/keep`, new RawBody(JSON.stringify({ metadata: { labels: { 'bad key!': 'x' } } }), 'application/merge-patch+json'));
    expect(r.status).toBe(422);
    expect(await stored()).toBe(before);
  });

  it('a body over 3 MiB → 413', async () => {
    const big = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { x: 'a'.repeat(3 * 1024 * 1024 + 10) } };
    const r = await call(base, 'POST', CM_PATH, big);
    expect(r.status).toBe(413);
    expect((await call(base, 'GET', `${CM_PATH}/big`)).status).toBe(404);
  });

  it('an object under 3 MiB that etcd refuses (over its 1.5 MiB request limit) → 413, not 500', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'busybox', args: ['a'.repeat(2 * 1024 * 1024)] }] } };
    const r = await call(base, 'POST', '/api/v1/namespaces/default/pods', pod);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ reason: 'RequestEntityTooLarge', message: expect.stringContaining('etcdserver: request is too large') });
    expect((await call(base, 'GET', '/api/v1/namespaces/default/pods/big')).status).toBe(404);
    const small = await call(base, 'POST', DEPLOY_PATH, deployment('grow'));
    const args = { spec: { template: { spec: { containers: [{ name: 'c', args: ['a'.repeat(2 * 1024 * 1024)] }] } } } };
    const grown = await call(base, 'PATCH', `${DEPLOY_PATH}/grow`, new RawBody(JSON.stringify(args), 'application/strategic-merge-patch+json'));
    expect(grown.status).toBe(413);
    expect((await call(base, 'GET', `${DEPLOY_PATH}/grow`)).body).toEqual(small.body);
    expect(await stored()).toBe(before);
  });

  it('an unknown resource → 404; a wrong kind for the URL → 400', async () => {
    expect((await call(base, 'GET', '/api/v1/namespaces/default/widgets')).status).toBe(404);
    expect((await call(base, 'GET', '/apis/nope.example.com/v1/things')).status).toBe(404);
    const wrong = await call(base, 'POST', CM_PATH, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.message)).toContain('Kind=Secret');
    const wrongName = await call(base, 'PUT', `${CM_PATH}/keep`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } });
    expect(wrongName.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('names are checked as DNS-1123', async () => {
    const r = await call(base, 'POST', CM_PATH, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Web_1' } });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('metadata.name');
    const ns = await call(base, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } });
    expect(ns.status).toBe(422);
  });

  it('a stale resourceVersion → 409 Conflict; a duplicate create → 409 AlreadyExists', async () => {
    const cur = await call(base, 'GET', `${CM_PATH}/keep`);
    const stale = { ...cur.body, metadata: { ...(cur.body.metadata as object), resourceVersion: '1' }, data: { a: '2' } };
    const r = await call(base, 'PUT', `${CM_PATH}/keep`, stale);
    expect(r.status).toBe(409);
    expect(r.body.reason).toBe('Conflict');
    const dup = await call(base, 'POST', CM_PATH, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' } });
    expect(dup.status).toBe(409);
    expect(dup.body.reason).toBe('AlreadyExists');
    expect(await stored()).toBe(before);
  });

  it('objects in a missing namespace are refused', async () => {
    const r = await call(base, 'POST', '/api/v1/namespaces/nowhere/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('namespaces "nowhere" not found');
  });

  it('a watch from a resourceVersion older than the watch cache → 410 Expired, and a list relists', async () => {
    const list = await call(base, 'GET', CM_PATH);
    const oldRv = (list.body.metadata as { resourceVersion: string }).resourceVersion;
    for (let i = 0; i < 3; i++) await call(base, 'POST', CM_PATH, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'churn-' } });
    // a restarted apiserver's cache starts at the current revision: older watches must relist
    base = (await cp.restartApiServer()).insecureUrl!;
    const res = await fetch(`${base}${CM_PATH}?watch=true&resourceVersion=${oldRv}&timeoutSeconds=2`);
    const first = (await res.text()).split('\n')[0]!;
    expect(JSON.parse(first)).toMatchObject({ type: 'ERROR', object: { kind: 'Status', reason: 'Expired', code: 410 } });
    const relist = await call(base, 'GET', CM_PATH);
    expect((relist.body.items as unknown[]).length).toBe((list.body.items as unknown[]).length + 3);
    expect(await stored()).toBe(before);
  });

  it('kubectl reports the server error and exits non-zero', async () => {
    const kubectl = kubectlFor(cp.kubeconfigPath);
    const r = await kubectl(['apply', '-f', '-'], { input: JSON.stringify(deployment('Bad_Name')) });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('metadata.name: Invalid value: "Bad_Name"');
    expect(await stored()).toBe(before);
  });

  it('the server survives all of it', async () => {
    expect((await call(base, 'GET', '/healthz')).status).toBe(200);
  });
});
