/**
 * Every manifest in shared/compat/upstream-examples is accepted unchanged by `kubectl apply -f`,
 * and `kubectl get -o yaml` shows it back with the defaults Kubernetes fills in.
 * The removed batch/v1beta1 CronJob is refused with a message that names batch/v1.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubectlRunner, TestControlPlane } from '@tugboat/apiserver/testing';
import { kubectlFor, startTestControlPlane } from '@tugboat/apiserver/testing';

const EXAMPLES = resolve(__dirname, '../../../../../shared/compat/upstream-examples');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml') && f !== 'cronjob-v1beta1.yaml');

let cp: TestControlPlane;
let kubectl: KubectlRunner;

beforeAll(async () => {
  cp = await startTestControlPlane();
  kubectl = kubectlFor(cp.kubeconfigPath);
});
afterAll(async () => {
  await cp?.close();
});

async function getYaml(kind: string, name: string): Promise<Record<string, any>> {
  const r = await kubectl(['get', kind, name, '-o', 'yaml']);
  expect(r.stderr).toBe('');
  return parse(r.stdout) as Record<string, any>;
}

/** What Kubernetes fills into every pod template. */
function expectPodSpecDefaults(spec: Record<string, any>): void {
  expect(spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 });
  for (const c of spec.containers) {
    expect(c).toMatchObject({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(['Always', 'IfNotPresent']).toContain(c.imagePullPolicy);
    for (const p of c.ports ?? []) expect(p.protocol).toBe('TCP');
  }
}

describe('upstream example manifests', () => {
  it.each(files)('%s is applied unchanged', async (file) => {
    const r = await kubectl(['apply', '-f', join(EXAMPLES, file)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/created|configured|unchanged/);
  });

  it('Deployments come back with their defaults', async () => {
    const d = await getYaml('deployment', 'nginx-deployment');
    expect(d.metadata.generation).toBe(1);
    expect(d.spec).toMatchObject({
      replicas: 2,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    expectPodSpecDefaults(d.spec.template.spec);
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    const php = await getYaml('deployment', 'php-apache');
    expect(php.spec.replicas).toBe(1);
    expect(php.spec.template.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(php.spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: '500m' }, requests: { cpu: '200m' } });
  });

  it('Services get a ClusterIP, NodePorts and their defaults', async () => {
    const lb = await getYaml('service', 'my-nginx-svc');
    expect(lb.spec).toMatchObject({ type: 'LoadBalancer', sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    expect(lb.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(lb.spec.clusterIPs).toEqual([lb.spec.clusterIP]);
    expect(lb.spec.ports[0]).toMatchObject({ port: 80, protocol: 'TCP', targetPort: 80 });
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    const headless = await getYaml('service', 'nginx');
    expect(headless.spec.clusterIP).toBe('None');
    expect(headless.spec.type).toBe('ClusterIP');
  });

  it('StatefulSets, DaemonSets, Pods and ConfigMaps come back with their defaults', async () => {
    const sts = await getYaml('statefulset', 'web');
    expect(sts.spec).toMatchObject({ podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
    expectPodSpecDefaults(sts.spec.template.spec);
    const ds = await getYaml('daemonset', 'example-daemonset');
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expectPodSpecDefaults(ds.spec.template.spec);
    const pod = await getYaml('pod', 'shell-demo');
    expectPodSpecDefaults(pod.spec);
    expect(pod.spec.volumes[0]).toEqual({ name: 'shared-data', emptyDir: {} });
    expect(pod.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort' });
    const cm = await getYaml('configmap', 'mysql');
    expect(Object.keys(cm.data)).toEqual(['primary.cnf', 'secondary.cnf']);
  });

  it('applying them all again changes nothing', async () => {
    const r = await kubectl(['apply', ...files.flatMap((f) => ['-f', join(EXAMPLES, f)])]);
    expect(r.code).toBe(0);
    // kubectl re-sends a StatefulSet's volumeClaimTemplates (a list without a merge key, which the
    // server defaults) as Kubernetes itself makes it do; the object must still not change.
    const lines = r.stdout.trim().split('\n').filter((l) => !l.startsWith('statefulset.apps/web'));
    for (const line of lines) expect(line).toMatch(/ unchanged$/);
    expect((await getYaml('statefulset', 'web')).metadata.generation).toBe(1);
  });

  it('the batch/v1beta1 CronJob is refused with a message naming batch/v1', async () => {
    const r = await kubectl(['apply', '-f', join(EXAMPLES, 'cronjob-v1beta1.yaml')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('batch/v1beta1');
    expect(r.stderr).toContain('use apiVersion: batch/v1');
    expect((await kubectl(['get', 'cronjobs', '-o', 'name'])).stdout.trim()).toBe('');
  });
});
