/**
 * Table-driven: start from a valid, defaulted object of each kind, break one thing, and expect exactly
 * the Kubernetes-worded `field: message` lines.
 */
import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults/index.js';
import { resourceForKind } from '../registry.js';
import type { KubeObject } from '../types/meta.js';
import { fieldErrorMessage } from './field.js';
import { validateObject, validateStatusUpdate } from './index.js';

type Body = Record<string, unknown>;
const container = { name: 'web', image: 'nginx:1' };
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } };

const BASE: Record<string, KubeObject> = {
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [container] } },
  Service: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
  Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
  ConfigMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { 'a.conf': 'x' } },
  Secret: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { token: 'aGk=' } },
  Deployment: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template } },
  StatefulSet: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'st', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template } },
  Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' }, spec: { template: { spec: { containers: [container], restartPolicy: 'Never' } } } },
  CronJob: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [container], restartPolicy: 'OnFailure' } } } } } },
  Lease: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l', namespace: 'default' }, spec: { holderIdentity: 'a', leaseDurationSeconds: 15 } },
  Node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.244.1.0/24' } },
  Event: { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, type: 'Normal' },
  PersistentVolumeClaim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
  HorizontalPodAutoscaler: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'default' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'd' }, maxReplicas: 3 } },
  Ingress: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 80 } } } }] } }] } },
};

function make(kind: string, edit: (o: Body) => void = () => {}, defaults = true): KubeObject {
  const o = structuredClone(BASE[kind]!);
  if (defaults) applyDefaults(o);
  edit(o as Body);
  return o;
}

function messages(obj: KubeObject, old?: KubeObject): string[] {
  const info = resourceForKind(obj.apiVersion, obj.kind)!;
  return validateObject(info, obj, old).map((e) => `${e.field}: ${fieldErrorMessage(e)}`);
}

// Bodies are edited through loosely typed paths on purpose: the point is to feed malformed input.
const spec = (o: Body): Body => o.spec as Body;
const c0 = (o: Body): Body => ((spec(o).containers as Body[])[0]!);
const tplSpec = (o: Body): Body => ((spec(o).template as Body).spec as Body);

describe('validateObject: valid objects', () => {
  it.each(Object.keys(BASE))('%s', (kind) => expect(messages(make(kind))).toEqual([]));
});

describe('validateObject: create', () => {
  it.each<[string, string, (o: Body) => void, string[]]>([
    ['image required', 'Pod', (o) => delete c0(o).image, ['spec.containers[0].image: Required value']],
    ['bad name', 'Pod', (o) => ((o.metadata as Body).name = 'Web_1'), [
      `metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]],
    ['name or generateName', 'Pod', (o) => delete (o.metadata as Body).name, ['metadata.name: Required value: name or generateName is required']],
    ['generateName suffices', 'Pod', (o) => { delete (o.metadata as Body).name; (o.metadata as Body).generateName = 'web-'; }, []],
    ['namespace required', 'Pod', (o) => delete (o.metadata as Body).namespace, ['metadata.namespace: Required value']],
    ['namespace forbidden', 'Node', (o) => ((o.metadata as Body).namespace = 'default'), ['metadata.namespace: Forbidden: not allowed on this type']],
    ['namespace name is a label', 'Namespace', (o) => ((o.metadata as Body).name = 'a.b'), [
      `metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['service name is RFC 1035', 'Service', (o) => ((o.metadata as Body).name = '1svc'), [
      `metadata.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['label value', 'Pod', (o) => ((o.metadata as Body).labels = { app: 'a b' }), [
      `metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]],
    ['annotations size', 'Pod', (o) => ((o.metadata as Body).annotations = { a: 'x'.repeat(262144) }), ['metadata.annotations: Too long: must have at most 262144 bytes']],
    ['containers must be an array', 'Pod', (o) => (spec(o).containers = { name: 'x' }), ['spec.containers: Invalid value: {"name":"x"}: must be of type array']],
    ['numbers are numbers', 'Deployment', (o) => (spec(o).replicas = 'three'), ['spec.replicas: Invalid value: "three": must be of type integer']],
    ['spec is an object', 'Service', (o) => (o.spec = 'x'), ['spec: Invalid value: "x": must be of type object']],
    ['bad quantity', 'Pod', (o) => (c0(o).resources = { limits: { cpu: 'lots' } }), [
      "spec.containers[0].resources.limits[cpu]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]],
    ['requests above limits', 'Pod', (o) => (c0(o).resources = { limits: { cpu: '1' }, requests: { cpu: '2' } }), [
      'spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]],
    ['container port range', 'Pod', (o) => (c0(o).ports = [{ containerPort: 70000, protocol: 'TCP' }]), [
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]],
    ['duplicate container names', 'Pod', (o) => (spec(o).containers = [c0(o), { ...c0(o) }]), ['spec.containers[1].name: Duplicate value: "web"']],
    ['mount of an unknown volume', 'Pod', (o) => (c0(o).volumeMounts = [{ name: 'data', mountPath: '/d' }]), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['two volume sources', 'Pod', (o) => (spec(o).volumes = [{ name: 'v', emptyDir: {}, hostPath: { path: '/x', type: '' } }]), [
      'spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type',
    ]],
    ['probe without handler', 'Pod', (o) => (c0(o).livenessProbe = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 }), [
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ]],
    ['restartPolicy', 'Pod', (o) => (spec(o).restartPolicy = 'Sometimes'), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['service port required', 'Service', (o) => (spec(o).ports = []), ['spec.ports: Required value']],
    ['service port names', 'Service', (o) => (spec(o).ports = [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 81, protocol: 'TCP', targetPort: 81 }]), [
      'spec.ports[0].name: Required value', 'spec.ports[1].name: Required value',
    ]],
    ['service type', 'Service', (o) => (spec(o).type = 'Magic'), ['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['negative replicas', 'Deployment', (o) => (spec(o).replicas = -1), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['selector required', 'Deployment', (o) => delete spec(o).selector, ['spec.selector: Required value']],
    ['selector must match', 'Deployment', (o) => (spec(o).selector = { matchLabels: { app: 'other' } }), [
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]],
    ['maxUnavailable and maxSurge both 0', 'Deployment', (o) => (spec(o).strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } }), [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]],
    ['Recreate with rollingUpdate', 'Deployment', (o) => ((spec(o).strategy as Body).type = 'Recreate'), [
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]],
    ['template restartPolicy', 'Deployment', (o) => (tplSpec(o).restartPolicy = 'Never'), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['job restartPolicy', 'Job', (o) => (tplSpec(o).restartPolicy = 'Always'), [
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ]],
    ['cron schedule', 'CronJob', (o) => (spec(o).schedule = '61 * * * *'), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['cron TZ', 'CronJob', (o) => (spec(o).schedule = 'TZ=UTC 0 * * * *'), [
      'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]],
    ['configmap key', 'ConfigMap', (o) => (o.data = { 'a b': 'x' }), [
      `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]],
    ['secret base64', 'Secret', (o) => (o.data = { token: 'not base64!' }), ['data[token]: Invalid value: "<value omitted>": must be base64-encoded']],
    ['tls secret keys', 'Secret', (o) => (o.type = 'kubernetes.io/tls'), ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    ['lease duration', 'Lease', (o) => (spec(o).leaseDurationSeconds = 0), ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']],
    ['node podCIDR', 'Node', (o) => (spec(o).podCIDR = '10.244.1.0'), ['spec.podCIDR: Invalid value: "10.244.1.0": must be a valid CIDR']],
    ['event namespace', 'Event', (o) => ((o.involvedObject as Body).namespace = 'other'), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']],
    ['pvc access modes', 'PersistentVolumeClaim', (o) => (spec(o).accessModes = []), ['spec.accessModes: Required value: at least 1 access mode is required']],
    ['hpa min/max', 'HorizontalPodAutoscaler', (o) => (spec(o).minReplicas = 5), ['spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`']],
    ['ingress pathType', 'Ingress', (o) => delete ((((spec(o).rules as Body[])[0]!.http as Body).paths as Body[])[0]!.pathType), [
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]],
    ['statefulset claim names count as volumes', 'StatefulSet', (o) => {
      spec(o).volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
      (tplSpec(o).containers as Body[])[0]!.volumeMounts = [{ name: 'www', mountPath: '/w' }];
    }, []],
  ])('%s', (_name, kind, edit, want) => {
    expect(messages(make(kind, edit))).toEqual(want);
  });
});

describe('validateObject: update', () => {
  it.each<[string, string, (o: Body) => void, string[]]>([
    ['pod image may change', 'Pod', (o) => (c0(o).image = 'nginx:2'), []],
    ['pod tolerations may be added', 'Pod', (o) => (spec(o).tolerations as Body[]).push({ key: 'k', operator: 'Exists' }), []],
    ['pod spec otherwise fixed', 'Pod', (o) => (spec(o).restartPolicy = 'Never'), [
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]],
    ['name is immutable', 'ConfigMap', (o) => ((o.metadata as Body).name = 'other'), ['metadata.name: Invalid value: "other": field is immutable']],
    ['deployment selector', 'Deployment', (o) => {
      spec(o).selector = { matchLabels: { app: 'web', v: '2' } };
      ((spec(o).template as Body).metadata as Body).labels = { app: 'web', v: '2' };
    }, ['spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable']],
    ['deployment replicas may change', 'Deployment', (o) => (spec(o).replicas = 5), []],
    ['job template', 'Job', (o) => (tplSpec(o).restartPolicy = 'OnFailure'), [expect.stringMatching(/^spec\.template: Invalid value: .*: field is immutable$/) as unknown as string]],
    ['service clusterIP', 'Service', (o) => (spec(o).clusterIP = '10.96.0.2'), ['spec.clusterIP: Invalid value: "10.96.0.2": field is immutable']],
  ])('%s', (_name, kind, edit, want) => {
    const old = make(kind, (o) => {
      if (kind === 'Service') spec(o).clusterIP = '10.96.0.1';
    });
    const now = structuredClone(old);
    edit(now as Body);
    expect(messages(now, old)).toEqual(want);
  });

  it.each(['ConfigMap', 'Secret'])('%s with immutable: true keeps its data and flag', (kind) => {
    const old = make(kind, (o) => (o.immutable = true));
    const now = make(kind, (o) => { o.immutable = false; o.data = { other: 'eA==' }; });
    expect(messages(now, old)).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});


describe('status subresource writes', () => {
  const info = (kind: string) => resourceForKind('v1', kind)!;
  const messages = (kind: string, obj: KubeObject) => validateStatusUpdate(info(kind), obj).map((e) => `${e.field}: ${fieldErrorMessage(e)}`);

  it('check the structure of status', () => {
    const pod = { ...BASE.Pod!, status: { phase: 'Running', conditions: 'all good' } } as KubeObject;
    expect(messages('Pod', pod)).toEqual(['status.conditions: Invalid value: "all good": must be of type array']);
  });

  it('check the kind\'s status rules', () => {
    const ns = { ...BASE.Namespace!, status: { phase: 'Sleeping' } } as KubeObject;
    expect(messages('Namespace', ns)).toEqual(['status.phase: Unsupported value: "Sleeping": supported values: "Active", "Terminating"']);
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { addresses: [{ type: 'Elsewhere', address: '' }] } } as KubeObject;
    expect(messages('Node', node)).toHaveLength(2);
  });

  it('leave the stored spec alone (it was valid when written)', () => {
    const pod = { ...BASE.Pod!, spec: { containers: [] }, status: { phase: 'Pending' } } as KubeObject;
    expect(messages('Pod', pod)).toEqual([]);
  });
});
