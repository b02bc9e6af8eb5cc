/**
 * Allocates Service ClusterIPs from the service CIDR and NodePorts from 30000-32767, and keeps
 * them across updates that omit them (as kubectl apply's patches do). Allocation is serialised in
 * this process and checked against every stored Service.
 */
import type { KubeObject } from '@tugboat/api';
import { ApiError, errors } from '@tugboat/api';
import type { AdmissionPlugin } from '../storage/admission.js';
import { ipToInt, intToIp, parseCidr } from './cidr.js';

interface ServicePort {
  port: number;
  nodePort?: number;
  name?: string;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
}

export interface ServiceAllocatorOptions {
  serviceCidr: string;
  nodePortRange: [number, number];
  /** the Services stored now */
  services: () => Iterable<KubeObject>;
  /** addresses that are never handed out (the DNS service address is requested explicitly) */
  reserved?: string[];
}

function specOf(obj: KubeObject): ServiceSpec {
  return (obj.spec ?? {}) as ServiceSpec;
}

function needsNodePorts(type: string | undefined): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}

export function serviceAllocator(opts: ServiceAllocatorOptions): AdmissionPlugin {
  const { base, size } = parseCidr(opts.serviceCidr);
  let lock: Promise<void> = Promise.resolve();

  function usedIps(except?: string): Set<string> {
    const used = new Set(opts.reserved ?? []);
    for (const s of opts.services()) if (s.metadata.uid !== except) for (const ip of specOf(s).clusterIPs ?? []) used.add(ip);
    return used;
  }
  function usedPorts(except?: string): Set<number> {
    const used = new Set<number>();
    for (const s of opts.services()) if (s.metadata.uid !== except) for (const p of specOf(s).ports ?? []) if (p.nodePort) used.add(p.nodePort);
    return used;
  }

  function allocateIp(spec: ServiceSpec, uid: string | undefined): void {
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
      return;
    }
    const used = usedIps(uid);
    if (spec.clusterIP) {
      const n = ipToInt(spec.clusterIP);
      if (n === undefined || n <= base || n >= base + size - 1) {
        throw errors.invalid('Service', '', '', [{ field: 'spec.clusterIPs[0]', reason: 'FieldValueInvalid', message: `Invalid value: "${spec.clusterIP}": failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${opts.serviceCidr}` }]);
      }
      if (used.has(spec.clusterIP)) {
        throw errors.invalid('Service', '', '', [{ field: 'spec.clusterIPs', reason: 'FieldValueInvalid', message: `Invalid value: ["${spec.clusterIP}"]: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` }]);
      }
    } else {
      spec.clusterIP = pickFree(size - 2, (i) => intToIp(base + 1 + i), (ip) => !used.has(ip), 'ClusterIP');
    }
    spec.clusterIPs = [spec.clusterIP];
  }

  function allocatePorts(spec: ServiceSpec, uid: string | undefined): void {
    if (!needsNodePorts(spec.type)) {
      for (const p of spec.ports ?? []) delete p.nodePort;
      return;
    }
    const used = usedPorts(uid);
    const [lo, hi] = opts.nodePortRange;
    for (const p of spec.ports ?? []) {
      if (p.nodePort) {
        if (used.has(p.nodePort)) {
          throw new ApiError('Invalid', `Service is invalid: spec.ports: Invalid value: ${p.nodePort}: provided port is already allocated`);
        }
      } else {
        p.nodePort = pickFree(hi - lo + 1, (i) => lo + i, (port) => !used.has(port), 'NodePort');
      }
      used.add(p.nodePort);
    }
  }

  async function serialised(fn: () => void): Promise<void> {
    const run = lock.then(fn);
    lock = run.catch(() => undefined);
    await run;
  }

  return {
    name: 'ServiceAllocator',
    async beforeCreate(info, obj) {
      if (info.kind !== 'Service') return;
      const spec = specOf(obj);
      if (spec.type === 'ExternalName') return;
      await serialised(() => {
        allocateIp(spec, obj.metadata.uid);
        allocatePorts(spec, obj.metadata.uid);
      });
    },
    async beforeUpdate(info, next, old) {
      if (info.kind !== 'Service') return;
      const spec = specOf(next);
      const before = specOf(old);
      if (spec.type === 'ExternalName') return;
      // omitted allocations are kept, as Kubernetes' patchAllocatedValues does
      if (!spec.clusterIP && before.clusterIP) spec.clusterIP = before.clusterIP;
      if (!spec.clusterIPs && before.clusterIPs) spec.clusterIPs = before.clusterIPs;
      if (needsNodePorts(spec.type) && needsNodePorts(before.type)) {
        for (const p of spec.ports ?? []) {
          const prev = (before.ports ?? []).find((q) => q.port === p.port && (q.name ?? '') === (p.name ?? ''));
          if (!p.nodePort && prev?.nodePort) p.nodePort = prev.nodePort;
        }
      }
      await serialised(() => {
        if (!spec.clusterIP) allocateIp(spec, next.metadata.uid);
        else if (!spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
        allocatePorts(spec, next.metadata.uid);
      });
    },
  };
}

/** Random probing first (cheap when sparse), then a scan, so a nearly full range still allocates. */
function pickFree<T>(count: number, at: (i: number) => T, free: (v: T) => boolean, what: string): T {
  for (let i = 0; i < 32; i++) {
    const v = at(Math.floor(Math.random() * count));
    if (free(v)) return v;
  }
  for (let i = 0; i < count; i++) {
    const v = at(i);
    if (free(v)) return v;
  }
  throw new ApiError('InternalError', `failed to allocate a ${what}: range is full`);
}
