/**
 * Test helpers for the runtime against the real Docker engine: make sure the engine and the local
 * images exist (once per test process), give each test file its own node name and pod network, and
 * remove everything labelled with that node afterwards.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { engineFor } from '../docker/engine-client.js';
import type { DockerEndpoint, EngineClient } from '../docker/engine-client.js';
import { LABELS } from '../docker/labels.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let ensured: Promise<void> | undefined;

/** Run fn with a client for the endpoint, closing the client if it was made here. */
async function withEngine<T>(endpoint: DockerEndpoint, fn: (engine: EngineClient) => Promise<T>): Promise<T> {
  const { engine, owned } = engineFor(endpoint);
  try {
    return await fn(engine);
  } finally {
    if (owned) engine.close();
  }
}

/** Runs scripts/ensure-docker.sh once per process: engine installed and answering, images built. */
export function ensureDocker(): Promise<void> {
  ensured ??= run(path.join(repoRoot, 'scripts/ensure-docker.sh'), { cwd: repoRoot, timeout: 10 * 60_000 }).then(() => undefined);
  return ensured;
}

export const TEST_IMAGE = 'tugboat/busybox:1';
export const PAUSE_IMAGE = 'tugboat/pause:1';

/** A node name unique to this test file's run, e.g. t-3f9a1c. */
export function testNodeName(): string {
  return `t-${randomBytes(3).toString('hex')}`;
}

/**
 * Create the node's bridge network on a free /24 (test files run in parallel, so a fixed subnet
 * would collide). The runtime then finds it and keeps it.
 */
export function createTestNetwork(endpoint: DockerEndpoint, nodeName: string): Promise<{ name: string; subnet: string }> {
  return withEngine(endpoint, (docker) => createNetworkOnFreeSubnet(docker, nodeName));
}

async function createNetworkOnFreeSubnet(docker: EngineClient, nodeName: string): Promise<{ name: string; subnet: string }> {
  const name = `tugboat-${nodeName}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    const subnet = `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 256)}.0/24`;
    try {
      await docker.createNetwork({
        Name: name, Driver: 'bridge', CheckDuplicate: true,
        IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] },
        Labels: { [LABELS.node]: nodeName },
      });
      return { name, subnet };
    } catch (err) {
      if (!/overlap/i.test(String((err as Error).message))) throw err;
    }
  }
  throw new Error('no free subnet for a test network');
}

/**
 * A cluster CIDR (a /16 in 10.100.0.0–10.199.0.0) that no Docker network overlaps, for a control
 * plane whose nodes create pod networks on this engine while other test files do the same.
 */
export async function freeClusterCidr(endpoint: DockerEndpoint): Promise<string> {
  const used = new Set<number>();
  for (const n of await withEngine(endpoint, (docker) => docker.listNetworks())) {
    for (const c of n.IPAM?.Config ?? []) {
      const m = /^10\.(\d+)\./.exec(c.Subnet ?? '');
      if (m) used.add(Number(m[1]));
    }
  }
  const start = Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const octet = 100 + ((start + i) % 100);
    if (!used.has(octet)) return `10.${octet}.0.0/16`;
  }
  throw new Error('no free 10.x.0.0/16 for a test cluster');
}

/** Remove every container, volume and network labelled with this node name. */
export function cleanupNode(endpoint: DockerEndpoint, nodeName: string): Promise<void> {
  return withEngine(endpoint, async (docker) => {
    const filters = { label: [`${LABELS.node}=${nodeName}`] };
    const containers = await docker.listContainers({ all: true, filters });
    await Promise.all(containers.map((c) => docker.removeContainer(c.Id, { force: true, volumes: true }).catch(() => undefined)));
    const volumes = await docker.listVolumes({ filters });
    await Promise.all(volumes.map((v) => docker.removeVolume(v.Name).catch(() => undefined)));
    const networks = await docker.listNetworks({ filters });
    await Promise.all(networks.map((n) => docker.removeNetwork(n.Id).catch(() => undefined)));
  });
}

/** Poll until check() returns a value (not undefined/false) or fail after timeoutMs with the last state. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000, describe?: () => unknown): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `: ${JSON.stringify(describe(), null, 1).slice(0, 3000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
