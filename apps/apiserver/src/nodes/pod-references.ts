/**
 * The ConfigMaps and Secrets a pod references (env, envFrom, volumes, image pull secrets), as the
 * keys its node's pod stream counts them by. This runs for every pod bound to a node, and most pods
 * reference nothing: no sets, no closures, and one shared empty array for them.
 */
import type { KubeObject } from '@tugboat/api';

export type RefKind = 'ConfigMap' | 'Secret';

interface EnvSource {
  valueFrom?: { configMapKeyRef?: { name?: string }; secretKeyRef?: { name?: string } };
}
interface EnvFromSource {
  configMapRef?: { name?: string };
  secretRef?: { name?: string };
}
interface ContainerLike {
  env?: EnvSource[];
  envFrom?: EnvFromSource[];
}
interface VolumeLike {
  configMap?: { name?: string };
  secret?: { secretName?: string };
  projected?: { sources?: { configMap?: { name?: string }; secret?: { name?: string } }[] };
}
interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  volumes?: VolumeLike[];
  imagePullSecrets?: { name?: string }[];
}

const NONE: readonly string[] = [];

/** `<kind>/<namespace>/<name>` */
export function refKey(kind: RefKind, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

export function parseRefKey(key: string): { kind: RefKind; namespace: string; name: string } {
  const [kind, namespace, name] = key.split('/') as [RefKind, string, string];
  return { kind, namespace, name };
}

/** The keys (refKey) of what the pod references, each once. */
export function podReferenceKeys(pod: KubeObject): readonly string[] {
  const spec = (pod.spec ?? {}) as PodSpecLike;
  const ns = pod.metadata.namespace ?? '';
  let keys: string[] | undefined;
  for (const list of [spec.initContainers, spec.containers]) {
    for (const c of list ?? NO_CONTAINERS) {
      for (const e of c.env ?? NO_ENV) {
        const from = e.valueFrom;
        if (!from) continue;
        keys = add(keys, 'ConfigMap', ns, from.configMapKeyRef?.name);
        keys = add(keys, 'Secret', ns, from.secretKeyRef?.name);
      }
      for (const e of c.envFrom ?? NO_ENV_FROM) {
        keys = add(keys, 'ConfigMap', ns, e.configMapRef?.name);
        keys = add(keys, 'Secret', ns, e.secretRef?.name);
      }
    }
  }
  for (const v of spec.volumes ?? NO_VOLUMES) {
    keys = add(keys, 'ConfigMap', ns, v.configMap?.name);
    keys = add(keys, 'Secret', ns, v.secret?.secretName);
    for (const s of v.projected?.sources ?? NO_SOURCES) {
      keys = add(keys, 'ConfigMap', ns, s.configMap?.name);
      keys = add(keys, 'Secret', ns, s.secret?.name);
    }
  }
  for (const s of spec.imagePullSecrets ?? NO_NAMES) keys = add(keys, 'Secret', ns, s.name);
  return keys ?? NONE;
}

const NO_CONTAINERS: ContainerLike[] = [];
const NO_ENV: EnvSource[] = [];
const NO_ENV_FROM: EnvFromSource[] = [];
const NO_VOLUMES: VolumeLike[] = [];
const NO_SOURCES: NonNullable<NonNullable<VolumeLike['projected']>['sources']> = [];
const NO_NAMES: { name?: string }[] = [];

function add(keys: string[] | undefined, kind: RefKind, ns: string, name: string | undefined): string[] | undefined {
  if (!name) return keys;
  const key = refKey(kind, ns, name);
  if (!keys) return [key];
  if (!keys.includes(key)) keys.push(key);
  return keys;
}
