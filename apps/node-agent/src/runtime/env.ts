/**
 * A container's environment as Kubernetes builds it: envFrom sources first (in order, with their
 * prefix), then env entries (later ones win; each value may reference the variables defined before
 * it with $(VAR)). References to ConfigMaps/Secrets that are missing and not optional make the whole
 * container unstartable: that is CreateContainerConfigError with the message returned here.
 */
import type { ConfigMap, Container, Pod, Secret } from '@tugboat/api';
import { milliValue, quantityValue } from '@tugboat/api';
import { expandVars } from './expand.js';

export interface RefLookup {
  configMap(ns: string, name: string): ConfigMap | undefined;
  secret(ns: string, name: string): Secret | undefined;
}

export interface EnvContext {
  pod: Pod;
  container: Container;
  refs: RefLookup;
  podIP: string;
  hostIP: string;
  nodeName: string;
}

export type EnvResult = { ok: true; env: Map<string, string> } | { ok: false; message: string };

class ConfigError extends Error {}

export function resolveEnv(ctx: EnvContext): EnvResult {
  try {
    return { ok: true, env: buildEnv(ctx) };
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, message: err.message };
    throw err;
  }
}

/** `NAME=value` strings for Docker. */
export function toDockerEnv(env: Map<string, string>): string[] {
  return [...env].map(([k, v]) => `${k}=${v}`);
}

function buildEnv(ctx: EnvContext): Map<string, string> {
  const ns = ctx.pod.metadata.namespace ?? 'default';
  const env = new Map<string, string>();
  for (const src of ctx.container.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) {
      const data = configMapData(ctx.refs, ns, src.configMapRef.name ?? '', src.configMapRef.optional);
      for (const [k, v] of Object.entries(data ?? {})) env.set(prefix + k, v);
    }
    if (src.secretRef) {
      const data = secretData(ctx.refs, ns, src.secretRef.name ?? '', src.secretRef.optional);
      for (const [k, v] of Object.entries(data ?? {})) env.set(prefix + k, v);
    }
  }
  for (const e of ctx.container.env ?? []) {
    const value = envValue(ctx, ns, e, env);
    if (value !== undefined) env.set(e.name, value);
  }
  return env;
}

function envValue(ctx: EnvContext, ns: string, e: NonNullable<Container['env']>[number], defined: Map<string, string>): string | undefined {
  if (e.value !== undefined || !e.valueFrom) return expandVars(e.value ?? '', (n) => defined.get(n));
  const from = e.valueFrom;
  if (from.fieldRef) return fieldValue(ctx, from.fieldRef.fieldPath);
  if (from.resourceFieldRef) return resourceValue(ctx, from.resourceFieldRef);
  if (from.configMapKeyRef) {
    const { name = '', key, optional } = from.configMapKeyRef;
    const data = configMapData(ctx.refs, ns, name, optional);
    if (data === undefined) return undefined;
    if (data[key] === undefined && !optional) throw new ConfigError(`couldn't find key ${key} in ConfigMap ${ns}/${name}`);
    return data[key];
  }
  if (from.secretKeyRef) {
    const { name = '', key, optional } = from.secretKeyRef;
    const data = secretData(ctx.refs, ns, name, optional);
    if (data === undefined) return undefined;
    if (data[key] === undefined && !optional) throw new ConfigError(`couldn't find key ${key} in Secret ${ns}/${name}`);
    return data[key];
  }
  return '';
}

function configMapData(refs: RefLookup, ns: string, name: string, optional: boolean | undefined): Record<string, string> | undefined {
  const cm = refs.configMap(ns, name);
  if (!cm) {
    if (optional) return undefined;
    throw new ConfigError(`configmap "${name}" not found`);
  }
  const data: Record<string, string> = { ...cm.data };
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) data[k] = Buffer.from(v, 'base64').toString('utf8');
  return data;
}

function secretData(refs: RefLookup, ns: string, name: string, optional: boolean | undefined): Record<string, string> | undefined {
  const secret = refs.secret(ns, name);
  if (!secret) {
    if (optional) return undefined;
    throw new ConfigError(`secret "${name}" not found`);
  }
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) data[k] = Buffer.from(v, 'base64').toString('utf8');
  for (const [k, v] of Object.entries(secret.stringData ?? {})) data[k] = v;
  return data;
}

/** The downward API fields a kubelet supports in env. */
export function fieldValue(ctx: Pick<EnvContext, 'pod' | 'podIP' | 'hostIP' | 'nodeName'>, path: string): string {
  const meta = ctx.pod.metadata;
  const keyed = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (keyed) return (keyed[1] === 'labels' ? meta.labels : meta.annotations)?.[keyed[2] ?? ''] ?? '';
  switch (path) {
    case 'metadata.name': return meta.name ?? '';
    case 'metadata.namespace': return meta.namespace ?? 'default';
    case 'metadata.uid': return meta.uid ?? '';
    case 'spec.nodeName': return ctx.pod.spec?.nodeName ?? ctx.nodeName;
    case 'spec.serviceAccountName': return ctx.pod.spec?.serviceAccountName ?? '';
    case 'status.podIP': case 'status.podIPs': return ctx.podIP;
    case 'status.hostIP': case 'status.hostIPs': return ctx.hostIP;
    default: throw new ConfigError(`unsupported fieldRef fieldPath: ${path}`);
  }
}

function resourceValue(ctx: EnvContext, ref: { containerName?: string; resource: string; divisor?: string }): string {
  const c = ref.containerName ? ctx.pod.spec?.containers.find((x) => x.name === ref.containerName) : ctx.container;
  const [kind, resource] = ref.resource.split('.') as ['limits' | 'requests', string];
  const q = c?.resources?.[kind]?.[resource];
  if (q === undefined) return '0';
  const isCpu = resource === 'cpu';
  const divisor = ref.divisor ?? '1';
  // Kubernetes rounds up to the divisor: 250m cpu with divisor 1 reads "1".
  const value = isCpu ? milliValue(q) / milliValue(divisor) : quantityValue(q) / quantityValue(divisor);
  return String(Math.ceil(value));
}
