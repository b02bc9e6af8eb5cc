/**
 * Pods on the real engine: the shared network namespace, env from ConfigMaps/Secrets, DNS settings,
 * logs and exec, missing references and images.
 */
import { text } from 'node:stream/consumers';
import { EngineClient } from '../../docker/engine-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from '@tugboat/api';
import type { Pod } from '@tugboat/api';
import { TEST_IMAGE, cleanupNode, createTestNetwork, ensureDocker, startTestRuntime, testNodeName, testPod, waitFor } from '../../testing/index.js';
import type { TestRuntime } from '../../testing/index.js';

const docker = new EngineClient();
const nodeName = testNodeName();
let t: TestRuntime;
let subnetPrefix = '';

beforeAll(async () => {
  await ensureDocker();
  const network = await createTestNetwork(docker, nodeName);
  subnetPrefix = network.subnet.split('.').slice(0, 3).join('.') + '.';
  t = startTestRuntime({ docker, nodeName, network });
  await t.runtime.ready;
  t.runtime.resync([]);
});

afterAll(async () => {
  await t?.runtime.close();
  await cleanupNode(docker, nodeName);
  docker.close();
});

const running = (name: string) => t.waitForStatus(name, 'Running and Ready', (s) => s.phase === 'Running' && s.conditions?.find((c) => c.type === 'Ready')?.status === 'True');

describe('a two-container pod', () => {
  let pod: Pod;
  beforeAll(() => {
    t.configMaps.set('default/greetings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'greetings', namespace: 'default' }, data: { GREETING: 'ahoy' } });
    t.secrets.set('default/creds', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { PASSWORD: Buffer.from('s3cret').toString('base64') } });
    pod = testPod('web', {
      containers: [
        {
          name: 'server', image: TEST_IMAGE,
          command: ['sh', '-c', 'mkdir -p /www && echo "$GREETING $SEC_PASSWORD from $(POD_NAME)" > /www/index.html && exec httpd -f -p 8080 -h /www'],
          env: [
            { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'greetings', key: 'GREETING' } } },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
          envFrom: [{ prefix: 'SEC_', secretRef: { name: 'creds' } }],
        },
        { name: 'client', image: TEST_IMAGE, command: ['sh', '-c', 'until wget -qO- http://localhost:8080/; do sleep 0.2; done; exec sleep 3600'] },
      ],
    }, nodeName);
    t.runtime.upsertPod(pod);
  });

  it('runs both containers in one network namespace with the pod IP on the node network', async () => {
    const s = await running('web');
    expect(s.podIP?.startsWith(subnetPrefix)).toBe(true);
    expect(s.podIPs).toEqual([{ ip: s.podIP }]);
    expect(s.hostIP).toBe('127.0.0.1');
    expect(s.containerStatuses?.map((c) => [c.name, c.ready, c.restartCount, Boolean(c.state?.running)])).toEqual([['server', true, 0, true], ['client', true, 0, true]]);
    expect(s.containerStatuses?.[0]?.containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
    expect(s.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['PodScheduled=True', 'Initialized=True', 'ContainersReady=True', 'Ready=True']);
    expect(t.eventsOf('web').map((e) => e.reason)).toEqual(expect.arrayContaining(['Pulled', 'Created', 'Started']));
  });

  it('serves logs: the client fetched the page over localhost with env from the ConfigMap and Secret', async () => {
    const out = await waitFor('client log', async () => {
      const log = await text(await t.runtime.logs({ namespace: 'default', name: 'web', container: 'client' }, {}));
      return log.includes('ahoy') ? log : undefined;
    });
    expect(out.trim()).toBe('ahoy s3cret from web');
    const withTs = await text(await t.runtime.logs({ namespace: 'default', name: 'web', container: 'client' }, { timestamps: true, tailLines: 1 }));
    expect(withTs).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ahoy/);
    const limited = await text(await t.runtime.logs({ namespace: 'default', name: 'web', container: 'client' }, { limitBytes: 4 }));
    expect(limited).toBe('ahoy');
  });

  it('follows logs until aborted', async () => {
    const abort = new AbortController();
    const stream = await t.runtime.logs({ namespace: 'default', name: 'web', container: 'client' }, { follow: true }, abort.signal);
    const first = await new Promise<string>((resolve) => stream.once('data', (b: Buffer) => resolve(b.toString())));
    expect(first).toContain('ahoy');
    abort.abort();
    await waitFor('stream closed', () => stream.destroyed);
  });

  it('sets hostname and cluster DNS on the sandbox, seen from the app container', async () => {
    const session = await t.runtime.exec({ namespace: 'default', name: 'web', container: 'server' }, { command: ['sh', '-c', 'hostname; cat /etc/resolv.conf'], stdin: false, tty: false });
    const [out, code] = await Promise.all([text(session.stdout), session.exitCode]);
    expect(code).toBe(0);
    expect(out).toContain('web\n');
    // On a user-defined network resolv.conf names Docker's embedded resolver (127.0.0.11), which
    // forwards to the sandbox's Dns servers: the cluster DNS.
    const sandbox = (await docker.listContainers({ filters: { label: [`tugboat.io/node=${nodeName}`, 'tugboat.io/container-kind=sandbox', `tugboat.io/pod-name=web`] } }))[0]!;
    expect((await docker.inspectContainer(sandbox.Id)).HostConfig.Dns).toEqual(['10.96.0.10']);
    expect(out).toContain('search default.svc.cluster.local svc.cluster.local cluster.local');
    expect(out).toContain('options ndots:5');
  });

  it('execs with stdin, separate stderr and the exit code', async () => {
    const session = await t.runtime.exec({ namespace: 'default', name: 'web', container: 'client' }, { command: ['sh', '-c', 'cat; echo oops >&2; exit 3'], stdin: true, tty: false });
    session.stdin!.end('piped in\n');
    const [out, err, code] = await Promise.all([text(session.stdout), text(session.stderr!), session.exitCode]);
    expect(out).toBe('piped in\n');
    expect(err).toBe('oops\n');
    expect(code).toBe(3);
  });

  it('execs with a TTY that can be resized', async () => {
    const session = await t.runtime.exec({ namespace: 'default', name: 'web', container: 'client' }, { command: ['sh'], stdin: true, tty: true });
    expect(session.stderr).toBeNull();
    const out = text(session.stdout);
    await session.resize(100, 40);
    session.stdin!.write('stty size; exit 5\n');
    expect(await session.exitCode).toBe(5);
    expect(await out).toContain('40 100');
  });

  it('answers with API errors for unknown pods and containers', async () => {
    const notFound = await t.runtime.logs({ namespace: 'default', name: 'nope' }, {}).catch((e: unknown) => e);
    expect(isApiError(notFound, 'NotFound')).toBe(true);
    const ambiguous = await t.runtime.logs({ namespace: 'default', name: 'web' }, {}).catch((e: unknown) => e);
    expect(isApiError(ambiguous, 'BadRequest') && ambiguous.message).toContain('choose one of: [server client]');
    const previous = await t.runtime.logs({ namespace: 'default', name: 'web', container: 'server' }, { previous: true }).catch((e: unknown) => e);
    expect(isApiError(previous, 'BadRequest') && previous.message).toContain('previous terminated container "server"');
  });

  it('reports stats per container', async () => {
    const stats = await t.runtime.stats();
    const web = stats.find((s) => s.name === 'web');
    expect(web?.containers.map((c) => c.name).sort()).toEqual(['client', 'server']);
    expect(web?.containers.every((c) => c.memoryWorkingSetBytes > 0)).toBe(true);
  });
});

describe('host ports', () => {
  const hostPort = 20_000 + Math.floor(Math.random() * 10_000);
  const server = (name: string) => testPod(name, {
    containers: [{ name: 'web', image: TEST_IMAGE, command: ['sh', '-c', `mkdir -p /www && echo ${name} > /www/index.html && exec httpd -f -p 8080 -h /www`], ports: [{ containerPort: 8080, hostPort }] }],
  }, nodeName);

  it('publishes a hostPort on the sandbox', async () => {
    t.runtime.upsertPod(server('hostport'));
    await running('hostport');
    const body = await waitFor('answer on the host port', async () => {
      const res = await fetch(`http://127.0.0.1:${hostPort}/`).catch(() => undefined);
      return res?.ok ? res.text() : undefined;
    });
    expect(body).toBe('hostport\n');
  });

  it('keeps a pod whose hostPort is taken Pending, with FailedCreatePodSandBox', async () => {
    t.runtime.upsertPod(server('hostport-clash'));
    await waitFor('FailedCreatePodSandBox', () => t.eventsOf('hostport-clash').find((e) => e.reason === 'FailedCreatePodSandBox'), 30_000, () => t.eventsOf('hostport-clash'));
    expect(t.status('hostport-clash')?.phase ?? 'Pending').toBe('Pending');
    expect(t.eventsOf('hostport-clash').find((e) => e.reason === 'FailedCreatePodSandBox')?.message).toMatch(/address already in use|port is already allocated/);
  });
});

describe('missing references and images', () => {
  it('waits with CreateContainerConfigError until the ConfigMap appears', async () => {
    t.runtime.upsertPod(testPod('needs-config', {
      containers: [{ name: 'app', image: TEST_IMAGE, command: ['sh', '-c', 'echo $LEVEL; exec sleep 3600'], env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'late', key: 'level' } } }] }],
    }, nodeName));
    const s = await t.waitForStatus('needs-config', 'CreateContainerConfigError', (x) => x.containerStatuses?.[0]?.state?.waiting?.reason === 'CreateContainerConfigError');
    expect(s.containerStatuses?.[0]?.state?.waiting?.message).toBe('configmap "late" not found');
    expect(s.phase).toBe('Pending');
    expect(t.eventsOf('needs-config')).toContainEqual({ type: 'Warning', reason: 'Failed', message: 'Error: configmap "late" not found' });
    t.configMaps.set('default/late', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'default' }, data: { level: '7' } });
    t.runtime.refsChanged();
    await running('needs-config');
  });

  it('reports ErrImagePull with the engine message, then ImagePullBackOff', async () => {
    t.runtime.upsertPod(testPod('no-image', { containers: [{ name: 'app', image: 'tugboat/does-not-exist:1' }] }, nodeName));
    const reasons = () => (t.statuses.get('no-image') ?? []).map((s) => s.containerStatuses?.[0]?.state?.waiting?.reason);
    await waitFor('ImagePullBackOff after ErrImagePull', () => reasons().includes('ErrImagePull') && reasons().includes('ImagePullBackOff'), 60_000, reasons);
    const pull = t.statuses.get('no-image')!.find((s) => s.containerStatuses?.[0]?.state?.waiting?.reason === 'ErrImagePull');
    expect(pull?.containerStatuses?.[0]?.state?.waiting?.message).toMatch(/registry|denied|does-not-exist|no such host/);
    expect(pull?.containerStatuses?.[0]?.state?.waiting?.message).not.toMatch(/^\(HTTP code/);
    expect(t.eventsOf('no-image').some((e) => e.reason === 'Failed' && e.message.startsWith('Failed to pull image "tugboat/does-not-exist:1"'))).toBe(true);
  });

  it('reports ErrImageNeverPull for a missing image with pull policy Never', async () => {
    t.runtime.upsertPod(testPod('never-pull', { containers: [{ name: 'app', image: 'tugboat/does-not-exist:2', imagePullPolicy: 'Never' }] }, nodeName));
    const s = await t.waitForStatus('never-pull', 'ErrImageNeverPull', (x) => x.containerStatuses?.[0]?.state?.waiting?.reason === 'ErrImageNeverPull');
    expect(s.containerStatuses?.[0]?.state?.waiting?.message).toBe('Container image "tugboat/does-not-exist:2" is not present with pull policy of Never');
  });
});
