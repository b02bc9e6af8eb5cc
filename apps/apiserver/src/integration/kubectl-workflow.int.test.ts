/**
 * The everyday kubectl workflow against a real etcd and apiserver, with the real kubectl 1.32:
 * apply, get (table/json), watch, re-apply after an edit, server-side apply, the three patch types,
 * label, scale, delete, api-resources.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubectlRunner, TestControlPlane } from '@tugboat/apiserver/testing';
import { kubectlFor, startTestControlPlane } from '@tugboat/apiserver/testing';
import { WEB_MANIFEST } from './fixtures.js';

let cp: TestControlPlane;
let kubectl: KubectlRunner;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, { input });
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

async function json(args: string[]): Promise<Record<string, any>> {
  return JSON.parse(await ok([...args, '-o', 'json'])) as Record<string, any>;
}

beforeAll(async () => {
  cp = await startTestControlPlane();
  kubectl = kubectlFor(cp.kubeconfigPath);
});
afterAll(async () => {
  await cp?.close();
});

describe('kubectl against tugboat', () => {
  it('applies a Deployment, Service and ConfigMap and shows them as tables and JSON', async () => {
    const out = await ok(['apply', '-f', '-'], WEB_MANIFEST);
    expect(out).toContain('configmap/web-config created');
    expect(out).toContain('deployment.apps/web created');
    expect(out).toContain('service/web created');

    const table = await ok(['get', 'deployments']);
    expect(table.split('\n')[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    expect(table).toMatch(/^web\s+0\/2\s+0\s+0\s+\d+s$/m);
    const svc = await ok(['get', 'svc', 'web', '-o', 'wide']);
    expect(svc).toMatch(/web\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP\s+\S+\s+app=web/);

    const deploy = await json(['get', 'deploy', 'web']);
    expect(deploy.metadata.generation).toBe(1);
    expect(deploy.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(deploy.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(deploy.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('"replicas":2');
    const cm = await json(['get', 'configmap', 'web-config']);
    expect(cm.data).toEqual({ greeting: 'hello' });
  });

  it('re-applies an edited manifest as a strategic merge patch and bumps generation', async () => {
    const edited = WEB_MANIFEST.replace('replicas: 2', 'replicas: 3').replace('tugboat/demo-web:1', 'tugboat/demo-web:2');
    const out = await ok(['apply', '-f', '-'], edited);
    expect(out).toContain('deployment.apps/web configured');
    expect(out).toContain('configmap/web-config unchanged');
    const deploy = await json(['get', 'deploy', 'web']);
    expect(deploy.spec.replicas).toBe(3);
    expect(deploy.spec.template.spec.containers).toHaveLength(1);
    expect(deploy.spec.template.spec.containers[0].image).toBe('tugboat/demo-web:2');
    expect(deploy.spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.name).toBe('web-config');
    expect(deploy.metadata.generation).toBe(2);
  });

  it('sees a later change through get -w', async () => {
    const child = spawn('kubectl', ['--kubeconfig', cp.kubeconfigPath, 'get', 'configmaps', '-w', '--output-watch-events'], {
      env: { ...process.env, KUBECACHEDIR: cp.dir },
    });
    let seen = '';
    child.stdout.on('data', (d: Buffer) => (seen += d.toString()));
    try {
      await expect.poll(() => seen, { timeout: 10_000 }).toContain('web-config');
      await ok(['create', 'configmap', 'late', '--from-literal=a=b', '--dry-run=client', '-o', 'json']).then((cm) => ok(['create', '-f', '-'], cm));
      await expect.poll(() => seen, { timeout: 10_000 }).toMatch(/ADDED\s+late/);
    } finally {
      child.kill();
    }
  });

  it('patches with strategic, merge and JSON patches', async () => {
    await ok(['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"tugboat/demo-web:3"}]}}}}']);
    let d = await json(['get', 'deploy', 'web']);
    expect(d.spec.template.spec.containers[0].image).toBe('tugboat/demo-web:3');
    expect(d.spec.template.spec.containers[0].ports[0].containerPort).toBe(8080);

    await ok(['patch', 'deploy', 'web', '--type=merge', '-p', '{"metadata":{"annotations":{"team":"infra"}}}']);
    await ok(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/revisionHistoryLimit","value":4}]']);
    d = await json(['get', 'deploy', 'web']);
    expect(d.metadata.annotations.team).toBe('infra');
    expect(d.spec.revisionHistoryLimit).toBe(4);

    const bad = await kubectl(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":99}]']);
    expect(bad.code).not.toBe(0);
  });

  it('labels, scales and applies server-side', async () => {
    await ok(['label', 'deploy', 'web', 'tier=frontend']);
    expect((await ok(['get', 'deploy', '-l', 'tier=frontend', '-o', 'name'])).trim()).toBe('deployment.apps/web');
    expect((await ok(['get', 'deploy', '-l', 'tier notin (frontend)', '-o', 'name'])).trim()).toBe('');

    expect(await ok(['scale', 'deploy', 'web', '--replicas=5'])).toContain('deployment.apps/web scaled');
    expect((await json(['get', 'deploy', 'web'])).spec.replicas).toBe(5);

    const ssa = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ssa
data:
  a: "1"
`;
    expect(await ok(['apply', '--server-side', '-f', '-'], ssa)).toContain('configmap/ssa serverside-applied');
    await ok(['apply', '--server-side', '-f', '-'], ssa.replace('a: "1"', 'b: "2"'));
    const cm = await json(['get', 'cm', 'ssa', '--show-managed-fields']);
    expect(cm.data).toEqual({ b: '2' });
    expect(cm.metadata.managedFields.some((m: { manager: string; operation: string }) => m.manager === 'kubectl' && m.operation === 'Apply')).toBe(true);
  });

  it('deletes and waits until the object is gone', async () => {
    expect(await ok(['delete', 'deploy', 'web'])).toContain('deployment.apps "web" deleted');
    const r = await kubectl(['get', 'deploy', 'web']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Error from server (NotFound): deployments.apps "web" not found');
  });

  it('lists api-resources from discovery', async () => {
    const out = await ok(['api-resources']);
    expect(out).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(out).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    expect(out).toMatch(/^cronjobs\s+cj\s+batch\/v1\s+true\s+CronJob$/m);
  });
});
