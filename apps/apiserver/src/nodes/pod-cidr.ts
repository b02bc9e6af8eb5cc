/** Per-node pod CIDRs: the N-th /24 of the cluster CIDR (10.244.0.0/16 → 10.244.N.0/24), lowest free first. */
import { ApiError } from '@tugboat/api';

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The next free /24 in `clusterCidr`, skipping the first one (.0.0/24 reads like a network address). */
export function nextPodCidr(clusterCidr: string, used: Iterable<string>): string {
  const [base, bitsText] = clusterCidr.split('/');
  const bits = Number(bitsText);
  if (!base || !Number.isInteger(bits) || bits > 24) throw new ApiError('InternalError', `cluster CIDR ${clusterCidr} cannot hold /24 pod ranges`);
  const start = toInt(base);
  const count = 2 ** (24 - bits);
  const taken = new Set(used);
  for (let i = 1; i < count; i++) {
    const cidr = `${toIp(start + i * 256)}/24`;
    if (!taken.has(cidr)) return cidr;
  }
  throw new ApiError('ServiceUnavailable', `no free pod CIDR left in ${clusterCidr}`);
}
