/** `tug server` runs the scheduler after the apiserver: a pod created through the API gets bound. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceFor } from '@tugboat/api';
import type { KubeObject, Pod } from '@tugboat/api';
import { loadKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
import { startEtcd } from '@tugboat/store';
import type { EtcdProcess } from '@tugboat/store';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../args.js';
import type { Running } from '../command.js';
import { startComponents } from '../components.js';
import { GLOBAL_FLAGS } from '../session.js';
import { schedulerCommand } from './scheduler.js';
import { controlPlane, serverCommand, serverOptions } from './server.js';

const PODS = resourceFor('', 'v1', 'pods')!;
const NODES = resourceFor('', 'v1', 'nodes')!;

let etcd: EtcdProcess;
let dir: string;
beforeAll(async () => {
  etcd = await startEtcd();
  dir = await mkdtemp(join(tmpdir(), 'tug-server-sched-'));
});
afterAll(async () => {
  await etcd?.close();
  await rm(dir, { recursive: true, force: true });
});

async function boundNode(client: ReturnType<typeof restClientFromKubeConfig>, name: string): Promise<string | undefined> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const pod = await client.get<Pod>({ resource: PODS, namespace: 'default', name });
    if (pod.spec?.nodeName || Date.now() > deadline) return pod.spec?.nodeName;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tug server with the scheduler', () => {
  it('parses --disable-scheduler', () => {
    expect(serverOptions(parseArgs(['--disable-scheduler'], serverCommand.flags)).disableScheduler).toBe(true);
    expect(controlPlane({ etcdEndpoints: [], dataDir: dir, disableScheduler: true }, () => {}).map((c) => c.name)).toEqual(['apiserver']);
  });

  it('starts apiserver then scheduler, and binds a pod to a registered node', async () => {
    const kubeconfig = join(dir, 'admin.kubeconfig');
    const lines: string[] = [];
    const opts = { etcdEndpoints: [etcd.endpoint], dataDir: join(dir, 'data'), bindAddress: '127.0.0.1', securePort: 0, nodeServicePort: 0, writeKubeconfig: kubeconfig, logger: pino({ level: 'silent' }) };
    const running: Running = await startComponents(controlPlane(opts, (l) => lines.push(l)), (l) => lines.push(l));
    const client = restClientFromKubeConfig(loadKubeConfig({ path: kubeconfig }));
    try {
      expect(lines).toContain('scheduler ready');
      await client.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
      const status = { allocatable: { cpu: '2', memory: '4Gi', pods: '10' }, capacity: { cpu: '2', memory: '4Gi', pods: '10' }, conditions: [{ type: 'Ready', status: 'True' }] };
      await client.patch({ resource: NODES, name: 'n1' }, 'merge', { status }, { subresource: 'status' });
      await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } as KubeObject);
      expect(await boundNode(client, 'web')).toBe('n1');
    } finally {
      client.close();
      await running.close();
    }
  });

  it('tug scheduler --kubeconfig runs the scheduler alone against a server started with --disable-scheduler', async () => {
    const kubeconfig = join(dir, 'alone.kubeconfig');
    const opts = { etcdEndpoints: [etcd.endpoint], dataDir: join(dir, 'data'), bindAddress: '127.0.0.1', securePort: 0, writeKubeconfig: kubeconfig, logger: pino({ level: 'silent' }), disableScheduler: true };
    const server = await startComponents(controlPlane(opts, () => {}), () => {});
    const client = restClientFromKubeConfig(loadKubeConfig({ path: kubeconfig }));
    const stderr: string[] = [];
    const ctx = {
      io: { stdout: { write: () => true }, stderr: { write: (s: string) => stderr.push(s) }, readStdin: async () => '' },
      session: () => Promise.reject(new Error('tug scheduler opens its own client')),
      now: () => new Date(),
    };
    const args = parseArgs(['--kubeconfig', kubeconfig, '--identity', 'alone', '--scoring-strategy', 'MostAllocated'], [...schedulerCommand.flags, ...GLOBAL_FLAGS]);
    const scheduler = (await schedulerCommand.run(ctx, args)) as Running;
    try {
      expect(stderr.join('')).toContain('scheduler ready');
      await client.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'solo', labels: { pool: 'solo' } } });
      const status = { allocatable: { cpu: '2', memory: '4Gi', pods: '10' }, conditions: [{ type: 'Ready', status: 'True' }] };
      await client.patch({ resource: NODES, name: 'solo' }, 'merge', { status }, { subresource: 'status' });
      await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'alone', namespace: 'default' }, spec: { nodeSelector: { pool: 'solo' }, containers: [{ name: 'c', image: 'busybox' }] } } as KubeObject);
      expect(await boundNode(client, 'alone')).toBe('solo');
    } finally {
      await scheduler.close();
      client.close();
      await server.close();
    }
  });
});
