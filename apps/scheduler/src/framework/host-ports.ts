/** Host ports a pod needs on its node, and when two of them collide (k8s HostPortInfo). */
import type { Pod } from '@tugboat/api';

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

const ANY_IP = '0.0.0.0';

export function podHostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      ports.push({ ip: p.hostIP || ANY_IP, protocol: p.protocol ?? 'TCP', port: p.hostPort });
    }
  }
  return ports;
}

/** Same port and protocol, and the addresses overlap (0.0.0.0 overlaps every address). */
export function portsConflict(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === ANY_IP || b.ip === ANY_IP || a.ip === b.ip;
}
