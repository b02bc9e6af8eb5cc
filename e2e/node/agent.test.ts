/**
 * The whole path on a real Docker engine: apiserver → gRPC pod stream → node agent → containers,
 * and status, events and deletion back. Pods are bound with spec.nodeName (the scheduler has its own tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startNodeCluster } from '../support/node-cluster.js';
import type { NodeCluster } from '../support/node-cluster.js';

let cluster: NodeCluster;
let node: string;
const NS = '/api/v1/namespaces/default';

beforeAll(async () => {
  cluster = await startNodeCluster();
  node = cluster.nodes[0]!.name;
}, 180_000);

afterAll(async () => {
  await cluster?.close();
}, 60_000);

function pod(name: string, spec: Record<string, unknown>): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: node, terminationGracePeriodSeconds: 5, ...spec } };
}

async function podOf(name: string): Promise<any> {
  const res = await cluster.rest('GET', `${NS}/pods/${name}`);
  return res.status === 200 ? res.body : undefined;
}

function condition(p: any, type: string): string | undefined {
  return p?.status?.conditions?.find((c: any) => c.type === type)?.status;
}

async function containersOf(podName: string): Promise<{ id: string; state: string; name: string }[]> {
  const list = await cluster.docker.listContainers({ all: true, filters: { label: [`tugboat.io/node=${node}`] } });
  return list.filter((c) => Object.values(c.Labels).includes(podName)).map((c) => ({ id: c.Id, state: c.State, name: c.Names[0] ?? '' }));
}

describe('node agent against the control plane', () => {
  it('registers its node with capacity from docker info, a pod CIDR and a lease', async () => {
    const n = (await cluster.rest('GET', `/api/v1/nodes/${node}`)).body;
    expect(condition(n, 'Ready')).toBe('True');
    expect(Number(n.status.capacity.cpu)).toBeGreaterThan(0);
    expect(n.status.capacity.memory).toMatch(/^\d+Ki$/);
    expect(n.status.nodeInfo.containerRuntimeVersion).toMatch(/^docker:\/\//);
    expect(n.spec.podCIDR).toMatch(/^10\.\d+\.1\.0\/24$/);
    const lease = (await cluster.rest('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node}`)).body;
    expect(lease.spec.holderIdentity).toBe(node);
  });

  it('runs a two-container pod whose containers talk over localhost, with env from a ConfigMap and a Secret, after its init containers', async () => {
    await cluster.rest('POST', `${NS}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { GREETING: 'hello' } });
    await cluster.rest('POST', `${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-secret' }, stringData: { password: 's3cret' } });
    const created = await cluster.rest('POST', `${NS}/pods`, pod('web', {
      initContainers: [{ name: 'init', image: 'tugboat/busybox:1', command: ['sh', '-c', 'echo init done'] }],
      containers: [
        {
          name: 'server', image: 'tugboat/busybox:1',
          command: ['sh', '-c', 'mkdir -p /www && echo "$GREETING $PASSWORD" > /www/index.html && exec httpd -f -p 8080 -h /www'],
          envFrom: [{ configMapRef: { name: 'web-config' } }],
          env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'web-secret', key: 'password' } } }],
        },
        {
          name: 'client', image: 'tugboat/busybox:1',
          command: ['sh', '-c', 'until wget -qO- http://localhost:8080/ | grep -q "hello s3cret"; do sleep 0.5; done; touch /tmp/ok; exec sleep 3600'],
          readinessProbe: { exec: { command: ['cat', '/tmp/ok'] }, periodSeconds: 1 },
        },
      ],
    }));
    expect(created.status).toBe(201);
    const running = await eventually('pod web Ready', async () => {
      const p = await podOf('web');
      return condition(p, 'Ready') === 'True' && p;
    });
    expect(running.status.phase).toBe('Running');
    expect(running.status.podIP).toMatch(/^10\.\d+\.1\.\d+$/);
    expect(running.status.hostIP).toBe('127.0.0.1');
    expect(condition(running, 'Initialized')).toBe('True');
    expect(running.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const statuses = running.status.containerStatuses.map((c: any) => [c.name, c.ready, c.containerID.startsWith('docker://')]);
    expect(statuses).toEqual(expect.arrayContaining([['client', true, true], ['server', true, true]]));
    // events are sent in batches (once a second), so they may land after the status that made the pod Ready
    const events = await eventually('Created and Started events of web', async () => {
      const reasons = (await cluster.rest('GET', `${NS}/events?fieldSelector=involvedObject.name%3Dweb`)).body.items.map((e: any) => e.reason);
      return reasons.includes('Created') && reasons.includes('Started') && reasons;
    });
    expect(events).toEqual(expect.arrayContaining(['Created', 'Started']));
  }, 120_000);

  it('restarts a crashing container with back-off and reports CrashLoopBackOff', async () => {
    await cluster.rest('POST', `${NS}/pods`, pod('crasher', { containers: [{ name: 'c', image: 'tugboat/busybox:1', command: ['sh', '-c', 'echo boom; exit 3'] }] }));
    const p = await eventually('CrashLoopBackOff with restarts', async () => {
      const cur = await podOf('crasher');
      const cs = cur?.status?.containerStatuses?.[0];
      return cs?.restartCount >= 2 && cs.state.waiting?.reason === 'CrashLoopBackOff' && cur;
    }, 90_000);
    const cs = p.status.containerStatuses[0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(cs.state.waiting.message).toMatch(/back-off \d+s restarting failed container=c pod=crasher_default/);
    const backOff = (await cluster.rest('GET', `${NS}/events?fieldSelector=involvedObject.name%3Dcrasher`)).body.items.find((e: any) => e.reason === 'BackOff');
    expect(backOff?.type).toBe('Warning');
  }, 120_000);

  it('reports an image it cannot get as ErrImagePull / ImagePullBackOff with the engine\'s message', async () => {
    await cluster.rest('POST', `${NS}/pods`, pod('no-image', { containers: [{ name: 'c', image: 'tugboat/does-not-exist:1' }] }));
    const waiting = await eventually('an image pull error', async () => {
      const w = (await podOf('no-image'))?.status?.containerStatuses?.[0]?.state?.waiting;
      return ['ErrImagePull', 'ImagePullBackOff'].includes(w?.reason) && w;
    });
    // ErrImagePull carries the engine's own words; the Failed event names the image as kubelet's does
    expect(waiting.message).toMatch(/does-not-exist|registry|pull/i);
    await eventually('a Failed event naming the image', async () => (await cluster.rest('GET', `${NS}/events?fieldSelector=involvedObject.name%3Dno-image`)).body.items.some((e: any) => e.reason === 'Failed' && e.message.includes('Failed to pull image "tugboat/does-not-exist:1"')));
    await cluster.rest('POST', `${NS}/pods`, pod('never-pull', { containers: [{ name: 'c', image: 'tugboat/does-not-exist:1', imagePullPolicy: 'Never' }] }));
    await eventually('ErrImageNeverPull', async () => (await podOf('never-pull'))?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ErrImageNeverPull');
  }, 90_000);

  it('adopts its pods when the agent restarts: same containers, same restart counts', async () => {
    const before = await podOf('web');
    const ids = (p: any) => p.status.containerStatuses.map((c: any) => `${c.name}=${c.containerID}:${c.restartCount}`);
    const dockerBefore = await containersOf('web');
    await cluster.restartAgent(node);
    // the restarted agent reports again; nothing may have been recreated
    await eventually('status after restart', async () => condition(await podOf('web'), 'Ready') === 'True');
    const after = await podOf('web');
    expect(ids(after)).toEqual(ids(before));
    expect((await containersOf('web')).map((c) => c.id).sort()).toEqual(dockerBefore.map((c) => c.id).sort());
    expect(after.status.startTime).toBe(before.status.startTime);
  }, 120_000);

  it('deletes gracefully: SIGTERM first, the object goes once the containers are gone', async () => {
    await cluster.rest('POST', `${NS}/pods`, pod('graceful', {
      containers: [{ name: 'c', image: 'tugboat/busybox:1', command: ['sh', '-c', 'trap "echo got TERM; exit 0" TERM; while true; do sleep 0.2; done'] }],
    }));
    await eventually('graceful running', async () => (await podOf('graceful'))?.status?.phase === 'Running');
    const started = Date.now();
    expect((await cluster.rest('DELETE', `${NS}/pods/graceful`)).status).toBe(200);
    expect((await podOf('graceful'))?.metadata?.deletionTimestamp).toBeDefined();
    await eventually('pod object removed', async () => (await cluster.rest('GET', `${NS}/pods/graceful`)).status === 404, 30_000);
    // the trap ended the process well before the 5 s grace period would have forced a SIGKILL
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await containersOf('graceful')).toEqual([]);
  }, 60_000);

  it('removes the containers of a pod deleted while its agent was down', async () => {
    await cluster.rest('POST', `${NS}/pods`, pod('orphan', { containers: [{ name: 'c', image: 'tugboat/busybox:1', command: ['sleep', '3600'] }] }));
    await eventually('orphan running', async () => (await podOf('orphan'))?.status?.phase === 'Running');
    await cluster.stopAgent(node);
    // without an agent the pod stays terminating; force it away as `kubectl delete --force` does
    await cluster.rest('DELETE', `${NS}/pods/orphan`, { gracePeriodSeconds: 0 });
    expect((await cluster.rest('GET', `${NS}/pods/orphan`)).status).toBe(404);
    expect((await containersOf('orphan')).length).toBeGreaterThan(0);
    await cluster.restartAgent(node);
    await eventually('orphan containers removed', async () => (await containersOf('orphan')).length === 0, 30_000);
  }, 90_000);

  it('reconnects to a restarted apiserver and resumes its pod stream', async () => {
    const leaseBefore = (await cluster.rest('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node}`)).body.spec.renewTime;
    await cluster.cp.restartApiServer();
    await cluster.rest('POST', `${NS}/pods`, pod('after-restart', { containers: [{ name: 'c', image: 'tugboat/busybox:1', command: ['sleep', '3600'] }] }));
    await eventually('the pod created after the restart runs', async () => (await podOf('after-restart'))?.status?.phase === 'Running', 60_000);
    await eventually('the lease renewed again', async () => (await cluster.rest('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node}`)).body.spec.renewTime !== leaseBefore, 30_000);
  }, 90_000);
});
