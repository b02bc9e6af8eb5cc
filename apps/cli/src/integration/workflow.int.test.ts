/** tug against a real apiserver on a real etcd: the everyday workflow, end to end. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestControlPlane } from '@tugboat/apiserver/testing';
import type { TestControlPlane } from '@tugboat/apiserver/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tugIn } from './harness.js';

const MANIFEST = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.25
          ports: [{ containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 80 }]
`;

describe('tug against a real control plane', () => {
  let cp: TestControlPlane;
  let dir: string;
  let file: string;
  const tug = (...args: string[]) => tugIn(cp.kubeconfigPath, args);

  beforeAll(async () => {
    cp = await startTestControlPlane();
    dir = await mkdtemp(join(tmpdir(), 'tug-int-'));
    file = join(dir, 'web.yaml');
    await writeFile(file, MANIFEST);
  });
  afterAll(async () => {
    await cp?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('applies a Deployment, Service and ConfigMap', async () => {
    const r = await tug('apply', '-f', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/web-config created\ndeployment.apps/web created\nservice/web created\n');
    expect(r.code).toBe(0);
  });

  it('reports unchanged when applying the same manifest again', async () => {
    const r = await tug('apply', '-f', file);
    expect(r.stdout).toBe('configmap/web-config unchanged\ndeployment.apps/web unchanged\nservice/web unchanged\n');
  });

  it('gets a table per type, names prefixed when several types are asked for', async () => {
    const r = await tug('get', 'deploy,svc,cm');
    expect(r.code).toBe(0);
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\ndeployment\.apps\/web\s+0\/2\s+/);
    expect(blocks[1]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/web\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+/);
    expect(blocks[2]).toMatch(/^NAME\s+DATA\s+AGE\nconfigmap\/web-config\s+1\s+/);
    const all = await tug('get', 'deploy', '-A');
    expect(all.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY/);
    expect(all.stdout).toMatch(/\ndefault\s+web\s+0\/2/);
  });

  it('gets one object as JSON and YAML', async () => {
    const r = await tug('get', 'deploy', 'web', '-o', 'json');
    const obj = JSON.parse(r.stdout) as { kind: string; spec: { replicas: number } };
    expect(obj.kind).toBe('Deployment');
    expect(obj.spec.replicas).toBe(2);
    const y = await tug('get', 'svc/web', '-o', 'yaml');
    expect(y.stdout).toMatch(/^apiVersion: v1\nkind: Service\n/);
    const names = await tug('get', 'deploy,svc', '-o', 'name');
    expect(names.stdout).toBe('deployment.apps/web\nservice/web\n');
  });

  it('reports configured after an edit', async () => {
    await writeFile(file, MANIFEST.replace('replicas: 2', 'replicas: 3').replace('greeting: hello', 'greeting: bonjour'));
    const r = await tug('apply', '-f', dir);
    expect(r.stdout).toBe('configmap/web-config configured\ndeployment.apps/web configured\nservice/web unchanged\n');
    const cm = JSON.parse((await tug('get', 'cm', 'web-config', '-o', 'json')).stdout) as { data: Record<string, string> };
    expect(cm.data.greeting).toBe('bonjour');
  });

  it('scales through the scale subresource', async () => {
    const r = await tug('scale', '--replicas=5', 'deploy/web');
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/web scaled\n', stderr: '' });
    const obj = JSON.parse((await tug('get', 'deploy', 'web', '-o', 'json')).stdout) as { spec: { replicas: number } };
    expect(obj.spec.replicas).toBe(5);
  });

  it('labels, refuses to overwrite without --overwrite, and removes', async () => {
    expect((await tug('label', 'deploy', 'web', 'tier=frontend')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await tug('get', 'deploy', '-l', 'tier=frontend', '-o', 'name')).stdout).toBe('deployment.apps/web\n');
    const clash = await tug('label', 'deploy', 'web', 'tier=backend');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe("error: 'tier' already has a value (frontend), and --overwrite is false\n");
    expect((await tug('label', 'deploy/web', 'tier=backend', '--overwrite')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await tug('label', 'deploy/web', 'tier-')).stdout).toBe('deployment.apps/web unlabeled\n');
    const none = await tug('get', 'deploy', '-l', 'tier=backend');
    expect(none.stderr).toBe('No resources found in default namespace.\n');
  });

  it('describes an object with its events section', async () => {
    const r = await tug('describe', 'deploy', 'web');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:\s+web\nNamespace:\s+default\nLabels:\s+app=web\n/);
    expect(r.stdout).toMatch(/\nSpec:\n\s+Replicas:\s+5\n/);
    expect(r.stdout).toMatch(/\nEvents:\s+/);
  });

  it('describes the events that involve the object', async () => {
    const deploy = JSON.parse((await tug('get', 'deploy', 'web', '-o', 'json')).stdout) as { metadata: { uid: string } };
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.scaled', namespace: 'default' },
      involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default', uid: deploy.metadata.uid },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-abc to 5',
      type: 'Normal',
      source: { component: 'deployment-controller' },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    expect((await tugIn(cp.kubeconfigPath, ['create', '-f', '-'], JSON.stringify(event))).code).toBe(0);
    const r = await tug('describe', 'deploy/web');
    expect(r.stdout).toMatch(/\nEvents:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n\s+----\s+------\s+----\s+----\s+-------\n\s+Normal\s+ScalingReplicaSet\s+\d+s\s+deployment-controller\s+Scaled up replica set web-abc to 5\n$/);
  });

  it('prints the server error for a missing object', async () => {
    const r = await tug('get', 'deploy', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('prints the server error for an invalid manifest', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\nspec:\n  replicas: -1\n  selector: { matchLabels: { app: bad } }\n  template:\n    metadata: { labels: { app: bad } }\n    spec: { containers: [] }\n');
    const r = await tug('apply', '-f', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error from server \(Invalid\): error when creating ".*bad\.yaml": Deployment(\.apps)? "bad" is invalid: .*spec\.replicas/);
    await rm(bad);
  });

  it('lists api-resources from discovery', async () => {
    const r = await tug('api-resources');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\n/);
    expect(r.stdout).toMatch(/\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n/);
    expect(r.stdout).toMatch(/\nnamespaces\s+ns\s+v1\s+false\s+Namespace\n/);
  });

  it('creates a namespace', async () => {
    expect((await tug('create', 'namespace', 'shop')).stdout).toBe('namespace/shop created\n');
    expect((await tug('create', 'ns', 'shop')).stderr).toBe('Error from server (AlreadyExists): namespaces "shop" already exists\n');
  });

  it('deletes from the manifest and waits until the objects are gone', async () => {
    const r = await tug('delete', '-f', file);
    expect(r.stdout).toBe('configmap "web-config" deleted\ndeployment.apps "web" deleted\nservice "web" deleted\n');
    expect(r.code).toBe(0);
    const gone = await tug('get', 'deploy,svc,cm', '-o', 'name');
    expect(gone.stdout).toBe('');
    const again = await tug('delete', 'deploy', 'web');
    expect(again.stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
    expect((await tug('delete', 'deploy', 'web', '--ignore-not-found')).code).toBe(0);
  });

  it('deletes by label selector', async () => {
    await tug('create', 'ns', 'sel');
    for (const name of ['a', 'b']) {
      const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: sel, labels: { group: x } }\n`;
      expect((await tugIn(cp.kubeconfigPath, ['apply', '-f', '-'], cm)).code).toBe(0);
    }
    const r = await tug('delete', 'cm', '-l', 'group=x', '-n', 'sel');
    expect(r.stdout).toBe('configmap "a" deleted\nconfigmap "b" deleted\n');
    expect((await tug('get', 'cm', '-n', 'sel', '-l', 'group=x')).stderr).toBe('No resources found in sel namespace.\n');
  });
});
