/**
 * The Kubernetes documentation examples in shared/compat/upstream-examples must come back defaulted
 * exactly as a Kubernetes apiserver returns them, and must validate cleanly.
 * Each case lists every leaf that defaulting adds (nothing more, nothing less); input fields must survive.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { resourceForKind } from '../registry.js';
import type { KubeObject } from '../types/meta.js';
import { fieldErrorMessage } from '../validation/field.js';
import { validateObject } from '../validation/index.js';
import { isRecord } from '../validation/narrow.js';
import { applyDefaults } from './index.js';

const DIR = new URL('../../../../../shared/compat/upstream-examples/', import.meta.url);

function load(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(new URL(file, DIR), 'utf8')).map((d) => d.toJS() as KubeObject);
}

/** Leaves (path → value) of `after` that `before` lacks; empty objects/arrays count as leaves. */
function addedLeaves(before: unknown, after: unknown, path = ''): Record<string, unknown> {
  if (before !== undefined && !isRecord(after) && !Array.isArray(after)) return {};
  const isContainer = isRecord(after) || Array.isArray(after);
  if (before === undefined && (!isContainer || Object.keys(after).length === 0)) return { [path]: after };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after as object)) {
    const sub = Array.isArray(after) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    const prev: unknown = isRecord(before) || Array.isArray(before) ? (before as Record<string, unknown>)[k] : undefined;
    Object.assign(out, addedLeaves(prev, v, sub));
  }
  return out;
}

const CONTAINER = (prefix: string, pullPolicy: string, ports = 0): Record<string, unknown> => ({
  [`${prefix}.imagePullPolicy`]: pullPolicy,
  [`${prefix}.terminationMessagePath`]: '/dev/termination-log',
  [`${prefix}.terminationMessagePolicy`]: 'File',
  ...Object.fromEntries(Array.from({ length: ports }, (_, i) => [`${prefix}.ports[${i}].protocol`, 'TCP'])),
});

const POD_SPEC = (prefix: string): Record<string, unknown> => ({
  [`${prefix}.dnsPolicy`]: 'ClusterFirst',
  [`${prefix}.restartPolicy`]: 'Always',
  [`${prefix}.securityContext`]: {},
  [`${prefix}.terminationGracePeriodSeconds`]: 30,
  [`${prefix}.schedulerName`]: 'default-scheduler',
});

const TPL = 'spec.template.spec';

const DEPLOYMENT = (replicas: boolean): Record<string, unknown> => ({
  ...(replicas ? { 'spec.replicas': 1 } : {}),
  'spec.revisionHistoryLimit': 10,
  'spec.strategy.type': 'RollingUpdate',
  'spec.strategy.rollingUpdate.maxUnavailable': '25%',
  'spec.strategy.rollingUpdate.maxSurge': '25%',
  'spec.progressDeadlineSeconds': 600,
  ...POD_SPEC(TPL),
});

const SERVICE = (ports: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  'spec.type': 'ClusterIP',
  'spec.sessionAffinity': 'None',
  'spec.internalTrafficPolicy': 'Cluster',
  'spec.ipFamilyPolicy': 'SingleStack',
  'spec.ipFamilies[0]': 'IPv4',
  'status.loadBalancer': {},
  ...Object.fromEntries(Array.from({ length: ports }, (_, i) => [`spec.ports[${i}].protocol`, 'TCP'])),
  ...extra,
});

const CASES: [file: string, docs: Record<string, unknown>[]][] = [
  ['basic-daemonset.yaml', [{
    'spec.revisionHistoryLimit': 10,
    'spec.updateStrategy.type': 'RollingUpdate',
    'spec.updateStrategy.rollingUpdate.maxUnavailable': 1,
    'spec.updateStrategy.rollingUpdate.maxSurge': 0,
    ...POD_SPEC(TPL),
    ...CONTAINER(`${TPL}.containers[0]`, 'Always'), // registry.k8s.io/pause: no tag means latest
    ...CONTAINER(`${TPL}.initContainers[0]`, 'IfNotPresent'),
    [`${TPL}.volumes[1].hostPath.type`]: '',
  }]],
  ['guestbook-frontend-deployment.yaml', [{ ...DEPLOYMENT(false), ...CONTAINER(`${TPL}.containers[0]`, 'IfNotPresent', 1) }]],
  ['guestbook-frontend-service.yaml', [SERVICE(1, { 'spec.ports[0].targetPort': 80 })]],
  ['guestbook-redis-leader-deployment.yaml', [{ ...DEPLOYMENT(false), ...CONTAINER(`${TPL}.containers[0]`, 'IfNotPresent', 1) }]],
  ['guestbook-redis-leader-service.yaml', [SERVICE(1)]],
  ['mysql-configmap.yaml', [{}]],
  ['nginx-deployment.yaml', [{ ...DEPLOYMENT(false), ...CONTAINER(`${TPL}.containers[0]`, 'IfNotPresent', 1) }]],
  ['nginx-lb-service.yaml', [SERVICE(1, {
    'spec.type': undefined, // given
    'spec.ports[0].targetPort': 80,
    'spec.externalTrafficPolicy': 'Cluster',
    'spec.allocateLoadBalancerNodePorts': true,
  })]],
  ['php-apache.yaml', [
    { ...DEPLOYMENT(true), ...CONTAINER(`${TPL}.containers[0]`, 'Always', 1) },
    SERVICE(1, { 'spec.ports[0].targetPort': 80 }),
  ]],
  ['shell-demo-pod.yaml', [{
    ...POD_SPEC('spec'),
    ...CONTAINER('spec.containers[0]', 'Always'),
    'spec.enableServiceLinks': true,
    'spec.priority': 0,
    'spec.preemptionPolicy': 'PreemptLowerPriority',
    'spec.tolerations[0].key': 'node.kubernetes.io/not-ready',
    'spec.tolerations[0].operator': 'Exists',
    'spec.tolerations[0].effect': 'NoExecute',
    'spec.tolerations[0].tolerationSeconds': 300,
    'spec.tolerations[1].key': 'node.kubernetes.io/unreachable',
    'spec.tolerations[1].operator': 'Exists',
    'spec.tolerations[1].effect': 'NoExecute',
    'spec.tolerations[1].tolerationSeconds': 300,
    'status.phase': 'Pending',
    'status.qosClass': 'BestEffort',
  }]],
  ['web-statefulset.yaml', [
    // headless with a selector stays single-stack; clusterIPs mirrors the given "None"
    SERVICE(1, { 'spec.ports[0].targetPort': 80, 'spec.clusterIPs[0]': 'None' }),
    {
      ...POD_SPEC(TPL),
      ...CONTAINER(`${TPL}.containers[0]`, 'IfNotPresent', 1),
      'spec.revisionHistoryLimit': 10,
      'spec.podManagementPolicy': 'OrderedReady',
      'spec.updateStrategy.type': 'RollingUpdate',
      'spec.updateStrategy.rollingUpdate.partition': 0,
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted': 'Retain',
      'spec.persistentVolumeClaimRetentionPolicy.whenScaled': 'Retain',
      'spec.volumeClaimTemplates[0].apiVersion': 'v1',
      'spec.volumeClaimTemplates[0].kind': 'PersistentVolumeClaim',
      'spec.volumeClaimTemplates[0].spec.volumeMode': 'Filesystem',
      'spec.volumeClaimTemplates[0].status.phase': 'Pending',
    },
  ]],
  // cronjob-v1beta1.yaml is skipped on purpose: batch/v1beta1 is not served, so the apiserver refuses it
  // (naming batch/v1) before defaulting or validation run; that is tested in the apiserver.
];

function withoutUndefined(m: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
}

describe('upstream examples', () => {
  it('covers every example but the v1beta1 CronJob', () => {
    const files = CASES.map(([f]) => f).sort();
    expect(files).toEqual(
      ['basic-daemonset.yaml', 'guestbook-frontend-deployment.yaml', 'guestbook-frontend-service.yaml',
        'guestbook-redis-leader-deployment.yaml', 'guestbook-redis-leader-service.yaml', 'mysql-configmap.yaml',
        'nginx-deployment.yaml', 'nginx-lb-service.yaml', 'php-apache.yaml', 'shell-demo-pod.yaml', 'web-statefulset.yaml'],
    );
  });

  describe.each(CASES)('%s', (file, expected) => {
    const docs = load(file);
    it('has the expected documents', () => expect(docs).toHaveLength(expected.length));

    it.each(docs.map((d, i) => [`${d.kind}/${d.metadata.name}`, i] as const))('%s: defaults as Kubernetes does', (_n, i) => {
      const original = structuredClone(docs[i]!);
      const defaulted = applyDefaults(structuredClone(original));
      expect(defaulted).toMatchObject(original as unknown as Record<string, unknown>);
      expect(addedLeaves(original, defaulted)).toEqual(withoutUndefined(expected[i]!));
      // idempotent: a second pass (as on update) changes nothing
      expect(applyDefaults(structuredClone(defaulted))).toEqual(defaulted);
    });

    it.each(docs.map((d, i) => [`${d.kind}/${d.metadata.name}`, i] as const))('%s: validates cleanly', (_n, i) => {
      const obj = applyDefaults(structuredClone(docs[i]!));
      obj.metadata.namespace = 'default';
      const info = resourceForKind(obj.apiVersion, obj.kind);
      expect(info).toBeDefined();
      const errs = validateObject(info!, obj).map((e) => `${e.field}: ${fieldErrorMessage(e)}`);
      expect(errs).toEqual([]);
    });
  });
});
