/** The ConfigMaps and Secrets a pod references (env, envFrom, volumes, image pull secrets). */
import type { KubeObject } from '@tugboat/api';

export interface PodReferences {
  configMaps: Set<string>;
  secrets: Set<string>;
}

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

export function podReferences(pod: KubeObject): PodReferences {
  const spec = (pod.spec ?? {}) as PodSpecLike;
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  const add = (set: Set<string>, name: string | undefined): void => {
    if (name) set.add(name);
  };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const e of c.env ?? []) {
      add(configMaps, e.valueFrom?.configMapKeyRef?.name);
      add(secrets, e.valueFrom?.secretKeyRef?.name);
    }
    for (const e of c.envFrom ?? []) {
      add(configMaps, e.configMapRef?.name);
      add(secrets, e.secretRef?.name);
    }
  }
  for (const v of spec.volumes ?? []) {
    add(configMaps, v.configMap?.name);
    add(secrets, v.secret?.secretName);
    for (const s of v.projected?.sources ?? []) {
      add(configMaps, s.configMap?.name);
      add(secrets, s.secret?.name);
    }
  }
  for (const s of spec.imagePullSecrets ?? []) add(secrets, s.name);
  return { configMaps, secrets };
}
