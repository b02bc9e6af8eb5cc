/** `tug agent`: this machine as a node: the node agent on the local Docker engine. */
import { readFile } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import type { AgentOptions } from '@tugboat/node-agent';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Running } from '../command.js';
import { startComponents } from '../components.js';

const FLAGS: FlagSpec[] = [
  { name: 'server', type: 'string', description: 'NodeService address of the control plane (host:port)', default: '127.0.0.1:6444' },
  { name: 'token', type: 'string', description: 'Bootstrap token (the server\'s <data-dir>/node-token); needed on first join only' },
  { name: 'token-file', type: 'string', description: 'Read the bootstrap token from this file' },
  { name: 'ca-file', type: 'string', description: 'The cluster CA certificate (the server\'s <data-dir>/pki/ca.crt)' },
  { name: 'node-name', type: 'string', description: 'Name of this node', default: 'the host name' },
  { name: 'node-ip', type: 'string', description: 'Address the control plane and other nodes reach this node at', default: 'the first non-loopback IPv4 address' },
  { name: 'data-dir', type: 'string', description: 'Where the node keeps its certificate', default: '/var/lib/tugboat-agent' },
  { name: 'agent-port', type: 'int', description: 'Port of the agent API (logs, exec) for the apiserver', default: '10250' },
  { name: 'docker-socket', type: 'string', description: 'Docker engine socket', default: '/var/run/docker.sock' },
  { name: 'node-labels', type: 'strings', description: 'Labels for the Node, key=value, comma separated' },
];

function firstIPv4(): string {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

function labels(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--node-labels: "${p}" is not key=value`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

export async function agentOptions(args: ParsedArgs): Promise<AgentOptions> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected arguments: ${args.positionals.join(' ')}`);
  const caFile = args.str('ca-file');
  if (!caFile) throw new UsageError('--ca-file is required (the server writes it to <data-dir>/pki/ca.crt)');
  const tokenFile = args.str('token-file');
  const token = args.str('token') ?? (tokenFile ? (await readFile(tokenFile, 'utf8')).trim() : undefined);
  const port = args.int('agent-port');
  if (port !== undefined && (port < 0 || port > 65535)) throw new UsageError(`--agent-port must be between 0 and 65535, got ${port}`);
  return {
    server: args.str('server') ?? '127.0.0.1:6444',
    caPem: await readFile(caFile, 'utf8'),
    token,
    nodeName: args.str('node-name') ?? hostname().toLowerCase(),
    nodeIP: args.str('node-ip') ?? firstIPv4(),
    dataDir: args.str('data-dir') ?? '/var/lib/tugboat-agent',
    dockerSocket: args.str('docker-socket') ?? '/var/run/docker.sock',
    agentPort: port ?? 10250,
    labels: labels(args.strs('node-labels')),
  };
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<Running> {
  const opts = await agentOptions(args);
  const log = (line: string): void => void ctx.io.stderr.write(`tug agent: ${line}\n`);
  const { startAgent } = await import('@tugboat/node-agent');
  return startComponents([{ name: 'node-agent', start: () => startAgent(opts) }], log);
}

export const agentCommand: Command = {
  name: 'agent',
  summary: 'Run the node agent: this machine becomes a node of the cluster',
  usage: 'tug agent --server=HOST:6444 --ca-file=ca.crt --token=TOKEN [--node-name=NAME] [--node-ip=IP] [--data-dir=DIR]',
  flags: FLAGS,
  usesKubeconfig: false,
  run,
};
