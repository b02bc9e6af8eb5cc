/** The node's pod bridge network: one Docker bridge per node with the node's podCIDR. */
import type pino from 'pino';
import type { EngineClient } from './engine-client.js';
import { LABELS } from './labels.js';
import { isNotFound } from './observe.js';

export interface NodeNetwork {
  name: string;
  subnet: string;
}

/** First usable address of an IPv4 /n subnet: the bridge's gateway. */
export function gatewayOf(subnet: string): string {
  const [ip = ''] = subnet.split('/');
  const parts = ip.split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join('.');
}

/** Create the network when missing; an existing one is kept (a restarted agent, or a test that made it). */
export async function ensureNetwork(docker: EngineClient, net: NodeNetwork, nodeName: string, logger: pino.Logger): Promise<void> {
  try {
    const info = await docker.inspectNetwork(net.name);
    const subnet = info.IPAM?.Config?.[0]?.Subnet;
    if (subnet !== net.subnet) logger.warn({ network: net.name, subnet, wanted: net.subnet }, 'pod network exists with another subnet; keeping it');
    return;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  logger.info({ network: net.name, subnet: net.subnet }, 'creating pod network');
  try {
    await docker.createNetwork({
      Name: net.name,
      Driver: 'bridge',
      CheckDuplicate: true,
      IPAM: { Driver: 'default', Config: [{ Subnet: net.subnet, Gateway: gatewayOf(net.subnet) }] },
      Labels: { [LABELS.node]: nodeName },
    });
  } catch (err) {
    // Another agent process for the same node may have won the race.
    if ((err as { statusCode?: number }).statusCode !== 409) throw err;
  }
}
