/**
 * The kinds registry: every resource the API serves, with how it is addressed.
 * REST paths, discovery, storage keys and the CLI all read this one table.
 */

export type Subresource = 'status' | 'scale' | 'binding' | 'log' | 'exec' | 'eviction' | 'attach' | 'portforward' | 'proxy';

export interface ResourceInfo {
  readonly group: string;
  readonly version: string;
  /** plural, lower case: the URL segment and the storage prefix */
  readonly resource: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly subresources: readonly Subresource[];
  /** read-only resources (metrics) refuse writes */
  readonly readOnly?: boolean;
}

const ALL = ['all'] as const;

function r(info: Omit<ResourceInfo, 'shortNames' | 'categories' | 'subresources' | 'singular'> & Partial<ResourceInfo>): ResourceInfo {
  return {
    shortNames: [],
    categories: [],
    subresources: [],
    singular: info.kind.toLowerCase(),
    ...info,
  };
}

export const RESOURCES: readonly ResourceInfo[] = [
  r({ group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], subresources: ['status'] }),
  r({ group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], subresources: ['status'] }),
  r({ group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ALL, subresources: ['status', 'binding', 'log', 'exec', 'eviction', 'attach', 'portforward'] }),
  r({ group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ALL, subresources: ['status'] }),
  r({ group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'], singular: 'endpoints' }),
  r({ group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] }),
  r({ group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true }),
  r({ group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] }),
  r({ group: '', version: 'v1', resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'] }),
  r({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ALL, subresources: ['status', 'scale'] }),
  r({ group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: ALL, subresources: ['status', 'scale'] }),
  r({ group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], categories: ALL, subresources: ['status', 'scale'] }),
  r({ group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], categories: ALL, subresources: ['status'] }),
  r({ group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true, categories: ALL, subresources: ['status'] }),
  r({ group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true, shortNames: ['cj'], categories: ALL, subresources: ['status'] }),
  r({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, shortNames: ['hpa'], categories: ALL, subresources: ['status'] }),
  r({ group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true, shortNames: ['ing'], subresources: ['status'] }),
  r({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true }),
  r({ group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', kind: 'PodMetrics', namespaced: true, readOnly: true, singular: '' }),
  r({ group: 'metrics.k8s.io', version: 'v1beta1', resource: 'nodes', kind: 'NodeMetrics', namespaced: false, readOnly: true, singular: '' }),
];

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

const byGVR = new Map(RESOURCES.map((i) => [`${i.group}/${i.version}/${i.resource}`, i]));
const byGVK = new Map(RESOURCES.map((i) => [`${apiVersionOf(i)}/${i.kind}`, i]));

export function resourceFor(group: string, version: string, resource: string): ResourceInfo | undefined {
  return byGVR.get(`${group}/${version}/${resource}`);
}

export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return byGVK.get(`${apiVersion}/${kind}`);
}

/** The group/versions served, in discovery order (core first). */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const i of RESOURCES) seen.set(`${i.group}/${i.version}`, { group: i.group, version: i.version });
  return [...seen.values()];
}

/**
 * Resolve what a user typed (`po`, `pods`, `pod`, `deployments.apps`, `Deployment`) to a resource,
 * preferring the first match in registry order as kubectl does.
 */
export function resolveResourceName(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  const dot = lower.indexOf('.');
  const [base, group] = dot < 0 ? [lower, undefined] : [lower.slice(0, dot), lower.slice(dot + 1)];
  return RESOURCES.find(
    (i) =>
      !i.readOnly &&
      (group === undefined || i.group === group) &&
      (i.resource === base || i.singular === base || i.kind.toLowerCase() === base || i.shortNames.includes(base)),
  );
}
