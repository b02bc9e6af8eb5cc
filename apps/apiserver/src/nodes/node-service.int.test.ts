/** NodeService over real gRPC + TLS against a real etcd: join, register, lease, pod stream, status, deletion, events. */
import type * as grpc from '@grpc/grpc-js';
import { KEEPALIVE_OPTIONS, channelCredentials, protos, unary } from '@tugboat/rpc';
import type { NodeServiceClient, WatchPodsEvent__Output } from '@tugboat/rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestControlPlane } from '../testing/index.js';
import type { TestControlPlane } from '../testing/index.js';

let cp: TestControlPlane;

async function rest(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${cp.api.insecureUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function pod(name: string, nodeName: string, extra: Record<string, unknown> = {}): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'c', image: 'tugboat/busybox:1', envFrom: [{ configMapRef: { name: 'cfg' } }] }], ...extra } };
}

async function joinAs(nodeName: string): Promise<NodeServiceClient> {
  const anonymous = new (protos().node.NodeService)(cp.api.nodeServiceAddress, channelCredentials({ caPem: cp.api.caPem }), KEEPALIVE_OPTIONS);
  const joined = await unary(anonymous.Join.bind(anonymous), { token: cp.api.nodeToken, node_name: nodeName, addresses: ['127.0.0.1'] });
  anonymous.close();
  return new (protos().node.NodeService)(cp.api.nodeServiceAddress, channelCredentials({ caPem: joined.ca_pem, certPem: joined.certificate_pem, keyPem: joined.private_key_pem }), KEEPALIVE_OPTIONS);
}

/** Collects a WatchPods stream's events. */
function watch(client: NodeServiceClient, resourceVersion = ''): { events: WatchPodsEvent__Output[]; call: grpc.ClientReadableStream<WatchPodsEvent__Output>; objects(): any[] } {
  const events: WatchPodsEvent__Output[] = [];
  const call = client.WatchPods({ resource_version: resourceVersion });
  call.on('data', (ev: WatchPodsEvent__Output) => events.push(ev));
  call.on('error', () => undefined);
  return { events, call, objects: () => events.filter((e) => e.object_json.length > 0).map((e) => ({ type: e.type, kind: e.kind, ...JSON.parse(e.object_json.toString()) })) };
}

async function until<T>(fn: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  cp = await startTestControlPlane({ insecure: true });
});
afterAll(async () => {
  await cp?.close();
});

describe('NodeService', () => {
  it('refuses a wrong bootstrap token and calls without a node certificate', async () => {
    const anonymous = new (protos().node.NodeService)(cp.api.nodeServiceAddress, channelCredentials({ caPem: cp.api.caPem }), KEEPALIVE_OPTIONS);
    await expect(unary(anonymous.Join.bind(anonymous), { token: 'nope', node_name: 'x' })).rejects.toMatchObject({ code: 'Unauthorized' });
    await expect(unary(anonymous.Join.bind(anonymous), { token: cp.api.nodeToken, node_name: 'Bad_Name' })).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(unary(anonymous.Heartbeat.bind(anonymous), {})).rejects.toMatchObject({ code: 'Unauthorized' });
    anonymous.close();
  });

  it('registers a node with a pod CIDR, renews its lease, and keeps spec set by the control plane', async () => {
    const n1 = await joinAs('n1');
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { zone: 'a' } }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '110' }, allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] } };
    const res = await unary(n1.Register.bind(n1), { node_json: Buffer.from(JSON.stringify(node)) });
    expect(res.config).toMatchObject({ pod_cidr: '10.244.1.0/24', cluster_dns: ['10.96.0.10'], cluster_domain: 'cluster.local' });
    const stored = (await rest('GET', '/api/v1/nodes/n1')).body;
    expect(stored.spec.podCIDR).toBe('10.244.1.0/24');
    expect(stored.metadata.labels).toMatchObject({ zone: 'a', 'kubernetes.io/hostname': 'n1' });
    expect(stored.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'True' });

    await fetch(`${cp.api.insecureUrl}/api/v1/nodes/n1`, { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ spec: { unschedulable: true } }) });
    await unary(n1.Register.bind(n1), { node_json: Buffer.from(JSON.stringify(node)) });
    expect((await rest('GET', '/api/v1/nodes/n1')).body.spec).toMatchObject({ unschedulable: true, podCIDR: '10.244.1.0/24' });

    const hb = await unary(n1.Heartbeat.bind(n1), { conditions_json: Buffer.from(JSON.stringify([{ type: 'Ready', status: 'True', reason: 'KubeletReady' }])) });
    expect(hb.lease_duration_seconds).toBeGreaterThan(0);
    const lease = (await rest('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1')).body;
    expect(lease.spec).toMatchObject({ holderIdentity: 'n1' });
    expect(lease.spec.renewTime).toMatch(/\.\d{6}Z$/);

    const n2 = await joinAs('n2');
    await expect(unary(n2.Register.bind(n2), { node_json: Buffer.from(JSON.stringify(node)) })).rejects.toMatchObject({ code: 'Forbidden' });
    const other = { ...node, metadata: { name: 'n2' } };
    expect((await unary(n2.Register.bind(n2), { node_json: Buffer.from(JSON.stringify(other)) })).config?.pod_cidr).toBe('10.244.2.0/24');
    n1.close();
    n2.close();
  });

  it('renews the lease on the Heartbeats stream, answering each renewal, and ends the call on a bad one', async () => {
    const n3 = await joinAs('n3');
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n3' }, status: { capacity: { cpu: '1', memory: '1Gi', pods: '10' } } };
    await unary(n3.Register.bind(n3), { node_json: Buffer.from(JSON.stringify(node)) });
    const leasePath = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n3';
    const ready = Buffer.from(JSON.stringify([{ type: 'Ready', status: 'True', reason: 'KubeletReady' }]));

    const call = n3.Heartbeats();
    const answers: number[] = [];
    const ended = new Promise<grpc.ServiceError>((resolve) => call.on('error', resolve));
    call.on('data', (res: { lease_duration_seconds: number }) => answers.push(res.lease_duration_seconds));
    call.write({ conditions_json: ready });
    await until(() => answers.length === 1, 'the first renewal');
    const first = (await rest('GET', leasePath)).body;
    expect(first.spec).toMatchObject({ holderIdentity: 'n3', leaseDurationSeconds: answers[0] });
    expect((await rest('GET', '/api/v1/nodes/n3')).body.status.conditions).toEqual([expect.objectContaining({ type: 'Ready', status: 'True' })]);

    // another manager's change between renewals keeps its entry; renewals keep the agent's
    await fetch(`${cp.api.insecureUrl}${leasePath}?fieldManager=ops`, { method: 'PATCH', headers: { 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ metadata: { labels: { team: 'a' } } }) });
    call.write({ conditions_json: ready });
    await until(() => answers.length === 2, 'the second renewal');
    const second = (await rest('GET', leasePath)).body;
    expect(Number(second.metadata.resourceVersion)).toBeGreaterThan(Number(first.metadata.resourceVersion));
    expect(second.spec.renewTime > first.spec.renewTime).toBe(true);
    expect(second.metadata.labels).toEqual({ team: 'a' });
    const owners = Object.fromEntries(second.metadata.managedFields.map((e: { manager: string; fieldsV1: unknown }) => [e.manager, e.fieldsV1]));
    expect(Object.keys(owners).sort()).toEqual(['ops', 'tug-agent']);
    expect(owners['tug-agent']).toMatchObject({ 'f:spec': { 'f:renewTime': {}, 'f:holderIdentity': {}, 'f:leaseDurationSeconds': {} } });
    expect(owners.ops).toMatchObject({ 'f:metadata': { 'f:labels': { 'f:team': {} } } });
    expect(owners.ops).not.toHaveProperty('f:spec');

    call.write({ conditions_json: Buffer.from('{not json') });
    expect(await ended).toMatchObject({ code: 3, details: expect.stringContaining('conditions_json') });
    expect(answers).toHaveLength(2);

    const anonymous = new (protos().node.NodeService)(cp.api.nodeServiceAddress, channelCredentials({ caPem: cp.api.caPem }), KEEPALIVE_OPTIONS);
    const refused = anonymous.Heartbeats();
    const status = await new Promise<grpc.ServiceError>((resolve) => refused.on('error', resolve));
    expect(status.code).toBe(16);
    anonymous.close();
    n3.close();
  });

  it('streams its pods with what they reference, takes status from its node only, and finishes graceful deletion', async () => {
    const n1 = await joinAs('n1');
    const n2 = await joinAs('n2');
    await rest('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { A: '1' } });
    await rest('POST', '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'unrelated' }, stringData: { x: 'y' } });
    expect((await rest('POST', '/api/v1/namespaces/default/pods', pod('before', 'n1'))).status).toBe(201);
    await rest('POST', '/api/v1/namespaces/default/pods', pod('elsewhere', 'n2'));

    const w = watch(n1);
    await until(() => w.events.some((e) => e.type === 'SYNCED'), 'SYNCED');
    expect(w.objects().map((o) => `${o.type} ${o.kind} ${o.metadata.name}`)).toEqual(['ADDED ConfigMap cfg', 'ADDED Pod before']);

    await rest('POST', '/api/v1/namespaces/default/pods', pod('after', 'n1'));
    await until(() => w.objects().some((o) => o.metadata.name === 'after'), 'the new pod');
    await rest('PUT', '/api/v1/namespaces/default/configmaps/cfg', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { A: '2' } });
    await until(() => w.objects().some((o) => o.kind === 'ConfigMap' && o.data.A === '2'), 'the ConfigMap change');
    expect(w.objects().some((o) => o.metadata.name === 'elsewhere' || o.metadata.name === 'unrelated')).toBe(false);

    const before = (await rest('GET', '/api/v1/namespaces/default/pods/before')).body;
    const ref = { namespace: 'default', name: 'before', uid: before.metadata.uid };
    await unary(n1.UpdatePodStatus.bind(n1), { ...ref, status_json: Buffer.from(JSON.stringify({ phase: 'Running', podIP: '10.244.1.5' })) });
    expect((await rest('GET', '/api/v1/namespaces/default/pods/before')).body.status).toMatchObject({ phase: 'Running', podIP: '10.244.1.5' });
    await expect(unary(n2.UpdatePodStatus.bind(n2), { ...ref, status_json: Buffer.from('{}') })).rejects.toMatchObject({ code: 'Forbidden' });
    await expect(unary(n1.UpdatePodStatus.bind(n1), { ...ref, uid: 'stale', status_json: Buffer.from('{}') })).rejects.toMatchObject({ code: 'Conflict' });

    await unary(n1.RecordEvents.bind(n1), { events_json: [0, 1].map(() => Buffer.from(JSON.stringify({ involvedObject: { kind: 'Pod', namespace: 'default', name: 'before', uid: ref.uid }, reason: 'BackOff', message: 'Back-off restarting failed container', type: 'Warning' }))) });
    const events = (await rest('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dbefore')).body.items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'BackOff', count: 2, source: { host: 'n1' } });
    await expect(unary(n2.RecordEvents.bind(n2), { events_json: [Buffer.from(JSON.stringify({ involvedObject: { kind: 'Pod', namespace: 'default', name: 'before' }, reason: 'X' }))] })).rejects.toMatchObject({ code: 'Forbidden' });

    await expect(unary(n1.ConfirmPodDeleted.bind(n1), ref)).rejects.toMatchObject({ code: 'BadRequest' });
    expect((await rest('DELETE', '/api/v1/namespaces/default/pods/before')).status).toBe(200);
    expect((await rest('GET', '/api/v1/namespaces/default/pods/before')).body.metadata.deletionTimestamp).toBeDefined();
    await unary(n1.ConfirmPodDeleted.bind(n1), ref);
    expect((await rest('GET', '/api/v1/namespaces/default/pods/before')).status).toBe(404);
    await until(() => w.objects().some((o) => o.type === 'DELETED' && o.metadata.name === 'before'), 'DELETED');

    // resume after the last version seen: only what happened since, no second full list
    const last = w.events[w.events.length - 1]!.resource_version;
    w.call.cancel();
    await rest('POST', '/api/v1/namespaces/default/pods', pod('while-away', 'n1'));
    const resumed = watch(n1, last);
    await until(() => resumed.objects().some((o) => o.metadata.name === 'while-away'), 'the pod created while away');
    expect(resumed.events.some((e) => e.type === 'SYNCED')).toBe(false);
    expect(resumed.objects().some((o) => o.kind === 'Pod' && o.metadata.name === 'after')).toBe(false);
    expect(resumed.objects().filter((o) => o.kind === 'ConfigMap').map((o) => o.data.A)).toContain('2');
    resumed.call.cancel();

    // a version the caches cannot resume from: a full list again
    const expired = watch(n1, 'not-a-version');
    await until(() => expired.events.some((e) => e.type === 'SYNCED'), 'SYNCED after an unusable version');
    expect(expired.objects().filter((o) => o.kind === 'Pod').map((o) => o.metadata.name).sort()).toEqual(['after', 'while-away']);
    expired.call.cancel();
    n1.close();
    n2.close();
  });
});
