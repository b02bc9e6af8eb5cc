/**
 * pods/log, pods/exec and the pod/node tables end to end: the real kubectl 1.32 and tug against the
 * apiserver, the apiserver against a real node agent's AgentService (mTLS), the agent on Docker.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { kubectlFor } from '@tugboat/apiserver/testing';
import type { KubectlRunner } from '@tugboat/apiserver/testing';
import { runCli } from '@tugboat/cli';
import { eventually, startNodeCluster } from '../support/node-cluster.js';
import type { NodeCluster } from '../support/node-cluster.js';

let cluster: NodeCluster;
let node: string;
let kubectl: KubectlRunner;
const NS = '/api/v1/namespaces/default';
const TUG_BIN = fileURLToPath(new URL('../../apps/cli/bin/tug.js', import.meta.url));
const TUG_BUILT = existsSync(fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url)));

/** tug in-process: the same dispatcher as the binary, with captured output; `input` is its whole stdin. */
async function tug(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const stdinStream = new PassThrough();
  if (input !== undefined) stdinStream.end(input);
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    readStdin: () => Promise.resolve(''),
    stdinStream,
  };
  const code = await runCli(args, { io, env: { KUBECONFIG: cluster.cp.kubeconfigPath } });
  if (typeof code !== 'number') throw new Error('unexpected long-running verb');
  return { code, ...out };
}

/** Run a client with `input` piped to its stdin at once, as a shell pipe does. */
async function runWithStdin(bin: string, args: string[], env: NodeJS.ProcessEnv, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(bin, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  child.stdin.end(input);
  const code = await exited;
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** A long-running client (`logs -f`): its output so far, and a way to stop it. */
function follow(bin: string, args: string[], env: NodeJS.ProcessEnv): { output: () => string; stop: () => void } {
  const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { output: () => out, stop: () => child.kill('SIGKILL') };
}

async function runningPod(name: string, containers: unknown[], extra: Record<string, unknown> = {}): Promise<any> {
  const created = await cluster.rest('POST', `${NS}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { nodeName: node, terminationGracePeriodSeconds: 1, containers, ...extra },
  });
  expect(created.status).toBe(201);
  return await eventually(`pod ${name} running`, async () => {
    const p = (await cluster.rest('GET', `${NS}/pods/${name}`)).body;
    return p?.status?.containerStatuses?.every((c: any) => c.state?.running) && p;
  });
}

const TALKER = `echo one; echo two; while true; do if [ -f /tmp/more ]; then echo more; rm /tmp/more; fi; sleep 0.2; done`;

beforeAll(async () => {
  cluster = await startNodeCluster();
  node = cluster.nodes[0]!.name;
  kubectl = kubectlFor(cluster.cp.kubeconfigPath);
  await runningPod('talker', [{ name: 'main', image: 'tugboat/busybox:1', command: ['sh', '-c', TALKER] }]);
}, 180_000);

afterAll(async () => {
  await cluster?.close();
}, 60_000);

describe('kubectl logs', () => {
  it('prints the log, with --tail and --timestamps', async () => {
    const all = await kubectl(['logs', 'talker']);
    expect(all).toMatchObject({ code: 0, stdout: 'one\ntwo\n' });
    expect((await kubectl(['logs', 'talker', '--tail=1'])).stdout).toBe('two\n');
    expect((await kubectl(['logs', 'talker', '--timestamps'])).stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z one\n/);
  });

  it('-f sees a line written after it started', async () => {
    const f = follow(process.env.KUBECTL ?? 'kubectl', ['logs', '-f', 'talker'], { ...process.env, KUBECONFIG: cluster.cp.kubeconfigPath });
    try {
      await eventually('the existing lines', async () => f.output().includes('two'), 20_000);
      const touched = await kubectl(['exec', 'talker', '--', 'touch', '/tmp/more']);
      expect(touched.code).toBe(0);
      await eventually('the new line', async () => f.output().includes('more'), 20_000);
    } finally {
      f.stop();
    }
  });

  it('an unknown container is a BadRequest', async () => {
    const r = await kubectl(['logs', 'talker', '-c', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('container nope is not valid for pod talker');
  });
});

describe('kubectl exec', () => {
  it('pipes stdin and makes the remote exit code its own', async () => {
    const env = { ...process.env, KUBECONFIG: cluster.cp.kubeconfigPath };
    const r = await runWithStdin(process.env.KUBECTL ?? 'kubectl', ['exec', '-i', 'talker', '--', 'sh', '-c', 'cat; echo; echo oops >&2; exit 3'], env, 'hello from stdin');
    expect(r.stdout).toBe('hello from stdin\n');
    expect(r.stderr).toContain('oops');
    expect(r.code).toBe(3);
  });

  it('exit 0 is success', async () => {
    const r = await kubectl(['exec', 'talker', '--', 'echo', 'hi']);
    expect(r).toMatchObject({ code: 0, stdout: 'hi\n' });
  });

  it('a command that does not exist fails', async () => {
    const r = await kubectl(['exec', 'talker', '--', '/no/such/binary']);
    expect(r.code).not.toBe(0);
  });
});

describe('kubectl get and describe', () => {
  it('get pods -o wide shows the IP and the node', async () => {
    const r = await kubectl(['get', 'pods', 'talker', '-o', 'wide']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/);
    expect(r.stdout).toMatch(new RegExp(`talker\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+${node}\\s+<none>\\s+<none>`));
  });

  it('get nodes shows a Ready node and its version', async () => {
    const r = await kubectl(['get', 'nodes']);
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(r.stdout).toMatch(new RegExp(`${node}\\s+Ready\\s+<none>\\s+\\S+\\s+v\\S+`));
    const wide = await kubectl(['get', 'nodes', '-o', 'wide']);
    expect(wide.stdout).toMatch(/INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
    expect(wide.stdout).toContain('127.0.0.1');
    expect(wide.stdout).toMatch(/docker:\/\//);
  });

  it('describe pod shows the node, the IP and the container state', async () => {
    const r = await kubectl(['describe', 'pod', 'talker']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Node:\\s+${node}/127.0.0.1`));
    expect(r.stdout).toMatch(/Status:\s+Running/);
    expect(r.stdout).toMatch(/State:\s+Running/);
  });
});

describe('a restarted container', () => {
  it('logs --previous shows the instance before the restart', async () => {
    await cluster.rest('POST', `${NS}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'crasher' },
      spec: { nodeName: node, terminationGracePeriodSeconds: 1, containers: [{ name: 'main', image: 'tugboat/busybox:1', command: ['sh', '-c', 'echo started; sleep 1; exit 1'] }] },
    });
    await eventually('a restart', async () => {
      const p = (await cluster.rest('GET', `${NS}/pods/crasher`)).body;
      return p?.status?.containerStatuses?.[0]?.restartCount >= 1;
    });
    const r = await kubectl(['logs', 'crasher', '--previous']);
    expect(r).toMatchObject({ code: 0, stdout: 'started\n' });
    const table = await kubectl(['get', 'pod', 'crasher']);
    expect(table.stdout).toMatch(/crasher\s+\d\/1\s+\S+\s+[1-9]\d* \(\d+s ago\)/);
  });
});

describe('tug', () => {
  it('tug logs', async () => {
    const all = await tug(['logs', 'talker']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^one\ntwo\n/);
    const last = all.stdout.trimEnd().split('\n').pop();
    expect((await tug(['logs', 'pod/talker', '--tail', '1'])).stdout).toBe(`${last}\n`);
    expect((await tug(['logs', 'talker', '-c', 'nope'])).stderr).toContain('container nope is not valid for pod talker');
  });

  it('tug logs --previous', async () => {
    const r = await tug(['logs', '-p', 'crasher']);
    expect(r).toMatchObject({ code: 0, stdout: 'started\n' });
  });

  it('tug exec -i pipes stdin and returns the remote exit code', async () => {
    const r = await tug(['exec', '-i', 'talker', '--', 'sh', '-c', 'cat; echo; echo oops >&2; exit 4'], 'piped');
    expect(r).toMatchObject({ code: 4, stdout: 'piped\n', stderr: 'oops\n' });
    expect(await tug(['exec', 'talker', '--', 'echo', 'hi'])).toMatchObject({ code: 0, stdout: 'hi\n' });
  });

  it.skipIf(!TUG_BUILT)('the tug binary: logs -f follows, exec -i reads the process stdin and exits with the remote code', async () => {
    const env = { ...process.env, KUBECONFIG: cluster.cp.kubeconfigPath };
    const f = follow(process.execPath, [TUG_BIN, 'logs', '-f', 'talker'], env);
    try {
      await eventually('the existing lines', async () => f.output().includes('two'), 20_000);
      const r = await runWithStdin(process.execPath, [TUG_BIN, 'exec', '-i', 'talker', '--', 'sh', '-c', 'cat; exit 5'], env, 'via stdin');
      expect(r).toMatchObject({ code: 5, stdout: 'via stdin' });
      await eventually('the new line', async () => f.output().includes('more'), 20_000);
    } finally {
      f.stop();
    }
  });

  it('tug get pods -o wide, tug get nodes, tug describe pod', async () => {
    const wide = await tug(['get', 'pods', 'talker', '-o', 'wide']);
    expect(wide.stdout).toMatch(new RegExp(`talker\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+${node}`));
    const nodes = await tug(['get', 'nodes']);
    expect(nodes.stdout).toMatch(new RegExp(`${node}\\s+Ready\\s+<none>`));
    const described = await tug(['describe', 'pod', 'talker']);
    expect(described.stdout).toMatch(new RegExp(`Node:\\s+${node}/127.0.0.1`));
    expect(described.stdout).toMatch(/Container ID:\s+docker:\/\//);
    expect(described.stdout).toMatch(/State:\s+Running/);
    expect(described.stdout).toMatch(/Restart Count:\s+0/);
    expect(described.stdout).toMatch(/Conditions:\n\s+Type\s+Status/);
  });
});
