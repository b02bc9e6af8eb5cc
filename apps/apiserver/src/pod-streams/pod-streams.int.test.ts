/**
 * pods/log and pods/exec up to the point where a node agent is needed (the end-to-end paths with a
 * real agent are in e2e/node/): every refusal is a Status that the real kubectl prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubectlRunner, TestControlPlane } from '@tugboat/apiserver/testing';
import { kubectlFor, startTestControlPlane } from '@tugboat/apiserver/testing';
import { WebSocket } from 'ws';
import { call } from '../integration/fixtures.js';
import { V5_PROTOCOL } from '@tugboat/api';

let cp: TestControlPlane;
let base: string;
let kubectl: KubectlRunner;
const PODS = '/api/v1/namespaces/default/pods';

const pod = (name: string, containers: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: containers.map((c) => ({ name: c, image: 'tugboat/busybox:1', command: ['sleep', '3600'] })) },
});

beforeAll(async () => {
  cp = await startTestControlPlane({ insecure: true });
  base = cp.api.insecureUrl!;
  kubectl = kubectlFor(cp.kubeconfigPath);
  await call(base, 'POST', PODS, pod('one', ['a']));
  await call(base, 'POST', PODS, pod('two', ['a', 'b']));
});
afterAll(async () => {
  await cp?.close();
});

describe('pods/log without an agent', () => {
  it('a missing pod is NotFound', async () => {
    const r = await kubectl(['logs', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(NotFound): pods "nope" not found');
  });

  it('an unscheduled pod is waiting to start', async () => {
    const r = await kubectl(['logs', 'one']);
    expect(r.stderr).toContain('Error from server (BadRequest): container "a" in pod "one" is waiting to start: ContainerCreating');
  });

  it('the container must be named when there are several', async () => {
    const r = await call(base, 'GET', `${PODS}/two/log`);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('a container name must be specified for pod two, choose one of: [a b]');
    const unknown = await call(base, 'GET', `${PODS}/two/log?container=zz`);
    expect(unknown.body.message).toBe('container zz is not valid for pod two');
  });

  it('bad parameters are named', async () => {
    const r = await call(base, 'GET', `${PODS}/one/log?tailLines=x`);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('tailLines');
  });
});

describe('pods/exec without an agent', () => {
  it('a GET without an upgrade is refused as in Kubernetes', async () => {
    const r = await call(base, 'GET', `${PODS}/one/exec?command=ls&stdout=true`);
    expect(r).toMatchObject({ status: 400, body: { reason: 'BadRequest', message: 'Upgrade request required' } });
  });

  it('kubectl prints the refusal of the upgrade', async () => {
    const missing = await kubectl(['exec', 'nope', '--', 'ls']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('pods "nope" not found');
    const unbound = await kubectl(['exec', 'one', '--', 'ls']);
    expect(unbound.code).toBe(1);
    expect(unbound.stderr).toContain('container "a" in pod "one" is waiting to start');
  });

  it('the upgrade is authenticated', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${cp.api.secureUrl.replace('https', 'wss')}${PODS}/one/exec?command=ls&stdout=true`, [V5_PROTOCOL], { ca: cp.api.caPem });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('upgraded without a token')));
      ws.on('error', reject);
    });
    expect(status).toBe(401);
  });
});
