/**
 * Docker create options for a pod's containers, as pure functions of the pod. The sandbox owns the
 * pod's network namespace, hostname, DNS and hostPorts; app/init containers join it and must not set
 * any of those (the engine answers 400 "conflicting options" otherwise).
 */
import { createHash } from 'node:crypto';
import type { Container, Pod } from '@tugboat/api';
import { milliValue, quantityValue } from '@tugboat/api';
import { expandVars } from '../runtime/expand.js';
import type { ContainerCreateOptions } from './engine-types.js';
import type { ContainerIdentity, ContainerKind } from './labels.js';
import { identityLabels } from './labels.js';
import { containerVolumes } from './volumes.js';

export interface DnsSettings {
  servers: string[];
  searches: string[];
  options: string[];
}

export interface SandboxSpecInput {
  pod: Pod;
  nodeName: string;
  network: string;
  pauseImage: string;
  dns: DnsSettings;
  attempt: number;
}

export interface AppSpecInput {
  pod: Pod;
  container: Container;
  kind: Exclude<ContainerKind, 'sandbox'>;
  nodeName: string;
  sandboxId: string;
  env: Map<string, string>;
  attempt: number;
}

export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

/** Seconds between SIGTERM and SIGKILL when stopping this pod's containers. */
export function gracePeriodSeconds(pod: Pod): number {
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SECONDS;
}

/** DNS for ClusterFirst pods: the cluster resolver and search path `<ns>.svc.<domain> svc.<domain> <domain>`, plus spec.dnsConfig. */
export function podDns(pod: Pod, clusterDNS: string[], clusterDomain: string): DnsSettings {
  const ns = pod.metadata.namespace ?? 'default';
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const cfg = pod.spec?.dnsConfig;
  const clusterFirst = policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet';
  const servers = [...(clusterFirst ? clusterDNS : []), ...(cfg?.nameservers ?? [])];
  const searches = [...(clusterFirst ? [`${ns}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain] : []), ...(cfg?.searches ?? [])];
  const options = new Map<string, string>(clusterFirst ? [['ndots', 'ndots:5']] : []);
  for (const o of cfg?.options ?? []) if (o.name) options.set(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  return { servers: unique(servers), searches: unique(searches), options: [...options.values()] };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Docker names are for people reading `docker ps`; identity lives in the labels. */
function dockerName(pod: Pod, container: string, attempt: number): string {
  const uid = (pod.metadata.uid ?? '').slice(0, 8);
  return `tb_${container}_${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? 'default'}_${uid}_${attempt}`;
}

function identity(pod: Pod, nodeName: string, rest: Pick<ContainerIdentity, 'containerName' | 'kind' | 'restartCount' | 'specHash'>): ContainerIdentity {
  return {
    nodeName,
    podUid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    podName: pod.metadata.name ?? '',
    gracePeriodSeconds: gracePeriodSeconds(pod),
    ...rest,
  };
}

export function sandboxSpec(input: SandboxSpecInput): ContainerCreateOptions {
  const { pod, dns } = input;
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      const key = `${p.containerPort}/${(p.protocol ?? 'TCP').toLowerCase()}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: p.hostIP ?? '', HostPort: String(p.hostPort) });
    }
  }
  return {
    name: dockerName(pod, 'POD', input.attempt),
    Image: input.pauseImage,
    Hostname: (pod.spec?.hostname ?? pod.metadata.name ?? '').slice(0, 63),
    Domainname: pod.spec?.subdomain ? `${pod.spec.subdomain}.${pod.metadata.namespace ?? 'default'}.svc` : undefined,
    Labels: identityLabels(identity(pod, input.nodeName, { containerName: '', kind: 'sandbox', restartCount: input.attempt, specHash: '' })),
    ExposedPorts: exposed,
    HostConfig: {
      NetworkMode: input.network,
      PortBindings: bindings,
      Dns: dns.servers,
      DnsSearch: dns.searches,
      DnsOptions: dns.options,
      ExtraHosts: (pod.spec?.hostAliases ?? []).flatMap((a) => (a.hostnames ?? []).map((h) => `${h}:${a.ip}`)),
      RestartPolicy: { Name: 'no' },
    },
  };
}

/** What the container runs: Kubernetes `command` replaces the image ENTRYPOINT (and drops its CMD), `args` replace CMD. */
export function commandLine(container: Container, env: Map<string, string>): { Entrypoint?: string[]; Cmd?: string[] } {
  const expand = (xs: string[]): string[] => xs.map((x) => expandVars(x, (n) => env.get(n)));
  const out: { Entrypoint?: string[]; Cmd?: string[] } = {};
  if (container.command) out.Entrypoint = expand(container.command);
  if (container.args) out.Cmd = expand(container.args);
  else if (container.command) out.Cmd = [];
  return out;
}

/** Hash of what a container instance was created from: when it changes, the instance is replaced. */
export function containerSpecHash(container: Container): string {
  const { name, image, command, args, workingDir, env, envFrom, resources, ports, tty, stdin, volumeMounts } = container;
  return createHash('sha256').update(JSON.stringify({ name, image, command, args, workingDir, env, envFrom, resources, ports, tty, stdin, volumeMounts })).digest('hex').slice(0, 16);
}

export function resourceLimits(container: Container): { NanoCpus?: number; Memory?: number } {
  const limits = container.resources?.limits ?? {};
  const out: { NanoCpus?: number; Memory?: number } = {};
  if (limits.cpu !== undefined) out.NanoCpus = milliValue(limits.cpu) * 1_000_000;
  if (limits.memory !== undefined) out.Memory = quantityValue(limits.memory);
  return out;
}

export function appContainerSpec(input: AppSpecInput): ContainerCreateOptions {
  const { pod, container, env } = input;
  const { Mounts, Binds } = containerVolumes(pod, container, input.nodeName);
  const labels = identityLabels(identity(pod, input.nodeName, {
    containerName: container.name, kind: input.kind, restartCount: input.attempt, specHash: containerSpecHash(container),
  }));
  return {
    name: dockerName(pod, container.name, input.attempt),
    Image: container.image ?? '',
    ...commandLine(container, env),
    WorkingDir: container.workingDir,
    Env: [...env].map(([k, v]) => `${k}=${v}`),
    Labels: labels,
    Tty: container.tty ?? false,
    OpenStdin: container.stdin ?? false,
    StdinOnce: container.stdinOnce ?? false,
    HostConfig: {
      NetworkMode: `container:${input.sandboxId}`,
      Mounts,
      Binds,
      ...resourceLimits(container),
      RestartPolicy: { Name: 'no' },
    },
  };
}
