/**
 * The apiserver's side of AgentService: one gRPC client per node, dialled at the node's InternalIP
 * and kubelet endpoint port, verified against the cluster CA, presenting the apiserver's
 * system:masters client certificate (agents refuse anyone else). A client is rebuilt when the node
 * reports a new address or port, and every client is closed with the dialer.
 */
import { ApiError } from '@tugboat/api';
import type { Node } from '@tugboat/api';
import { KEEPALIVE_OPTIONS, channelCredentials, protos } from '@tugboat/rpc';
import type { AgentServiceClient, ClientTls } from '@tugboat/rpc';

/** `host:port` of a node's AgentService, or a ServiceUnavailable error saying what the node lacks. */
export function agentAddress(node: Node): string {
  const name = node.metadata.name ?? '';
  const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  if (!ip) throw new ApiError('ServiceUnavailable', `node "${name}" reports no InternalIP address; is its agent running?`);
  const port = node.status?.daemonEndpoints?.kubeletEndpoint?.Port;
  if (!port) throw new ApiError('ServiceUnavailable', `node "${name}" reports no agent endpoint port; is its agent running?`);
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

interface Dialled {
  address: string;
  client: AgentServiceClient;
}

export class AgentDialer {
  private readonly clients = new Map<string, Dialled>();
  private closed = false;

  /** tls: the cluster CA plus the apiserver's client certificate. */
  constructor(private readonly tls: Required<ClientTls>) {}

  /** The cached client for this node, rebuilt when its address changed since the last call. */
  clientFor(node: Node): AgentServiceClient {
    if (this.closed) throw new ApiError('ServiceUnavailable', 'the apiserver is shutting down');
    const name = node.metadata.name ?? '';
    const address = agentAddress(node);
    const cached = this.clients.get(name);
    if (cached?.address === address) return cached.client;
    // calls already running on the old client finish on their own; close() only stops new ones
    cached?.client.close();
    const { agent } = protos();
    const client = new agent.AgentService(address, channelCredentials(this.tls), KEEPALIVE_OPTIONS);
    this.clients.set(name, { address, client });
    return client;
  }

  close(): void {
    this.closed = true;
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }
}
