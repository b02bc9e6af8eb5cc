/**
 * A real control plane (etcd + apiserver) and real node agents on this machine's Docker engine,
 * for tests that check the whole path from the API to containers. Each cluster gets a cluster CIDR
 * that no Docker network uses yet (test files run in parallel), and close() removes every container
 * and network its nodes made.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { pino } from 'pino';
import { startTestControlPlane } from '@tugboat/apiserver/testing';
import type { TestControlPlane } from '@tugboat/apiserver/testing';
import { startAgent } from '@tugboat/node-agent';
import type { Agent } from '@tugboat/node-agent';
import { cleanupNode, ensureDocker, freeClusterCidr, testNodeName } from '@tugboat/node-agent/testing';

export interface TestNode {
  readonly name: string;
  readonly agent: Agent;
}

export interface NodeCluster {
  readonly cp: TestControlPlane;
  readonly docker: Dockerode;
  readonly nodes: TestNode[];
  /** JSON over the apiserver's loopback HTTP port */
  rest(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: any }>;
  /** stop a node's agent (its containers keep running) and start it again */
  restartAgent(name: string): Promise<Agent>;
  stopAgent(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface NodeClusterOptions {
  nodes?: number;
  /** Node labels per node index */
  labels?: Record<string, string>[];
}

export async function startNodeCluster(opts: NodeClusterOptions = {}): Promise<NodeCluster> {
  await ensureDocker();
  const docker = new Dockerode();
  const cp = await startTestControlPlane({ insecure: true, clusterCidr: await freeClusterCidr(docker) });
  const dirs: string[] = [];
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'error' });
  const names = Array.from({ length: opts.nodes ?? 1 }, () => testNodeName());
  const dataDirs = new Map<string, string>();

  async function launch(name: string): Promise<Agent> {
    let dir = dataDirs.get(name);
    if (!dir) {
      dir = await mkdtemp(join(tmpdir(), `tug-${name}-`));
      dirs.push(dir);
      dataDirs.set(name, dir);
    }
    const agent = await startAgent({
      server: cp.api.nodeServiceAddress,
      caPem: cp.api.caPem,
      token: cp.api.nodeToken,
      nodeName: name,
      nodeIP: '127.0.0.1',
      dataDir: dir,
      docker,
      agentHost: '127.0.0.1',
      agentPort: 0,
      heartbeatMs: 2000,
      labels: opts.labels?.[names.indexOf(name)] ?? {},
      backoff: { initialMs: 1000, maxMs: 8000 },
      logger,
    });
    await agent.ready;
    return agent;
  }

  const nodes: TestNode[] = [];
  for (const name of names) nodes.push({ name, agent: await launch(name) });

  const cluster: NodeCluster = {
    cp,
    docker,
    nodes,
    async rest(method, path, body, contentType = 'application/json') {
      const res = await fetch(`${cp.api.insecureUrl}${path}`, { method, headers: { 'content-type': contentType }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // plain text (pods/log)
      }
      return { status: res.status, body: parsed };
    },
    async stopAgent(name) {
      const node = nodes.find((n) => n.name === name);
      if (!node) throw new Error(`no node ${name}`);
      await node.agent.close();
    },
    async restartAgent(name) {
      const i = nodes.findIndex((n) => n.name === name);
      if (i < 0) throw new Error(`no node ${name}`);
      await nodes[i]!.agent.close().catch(() => undefined);
      const agent = await launch(name);
      nodes[i] = { name, agent };
      return agent;
    },
    async close() {
      await Promise.all(nodes.map((n) => n.agent.close().catch(() => undefined)));
      await Promise.all(names.map((n) => cleanupNode(docker, n)));
      await cp.close();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
  return cluster;
}

/** Poll until fn returns something truthy; the error names what was awaited and the last value seen. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last instanceof Error ? last.message : JSON.stringify(last))?.slice(0, 500)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
