/**
 * Admission: kind-specific mutation after defaulting and before storing, for what needs cluster
 * state (namespace existence, Service IP and port allocation).
 */
import type { KubeObject, ResourceInfo } from '@tugboat/api';

export interface Admission {
  beforeCreate(info: ResourceInfo, obj: KubeObject): Promise<void>;
  beforeUpdate(info: ResourceInfo, next: KubeObject, old: KubeObject): Promise<void>;
}

export interface AdmissionPlugin {
  readonly name: string;
  beforeCreate?(info: ResourceInfo, obj: KubeObject): Promise<void> | void;
  beforeUpdate?(info: ResourceInfo, next: KubeObject, old: KubeObject): Promise<void> | void;
}

/** Runs plugins in order; the first error stops the chain. */
export function admissionChain(plugins: readonly AdmissionPlugin[]): Admission {
  return {
    async beforeCreate(info, obj) {
      for (const p of plugins) await p.beforeCreate?.(info, obj);
    },
    async beforeUpdate(info, next, old) {
      for (const p of plugins) await p.beforeUpdate?.(info, next, old);
    },
  };
}
