/** `tug server`: the control plane in this process (for now the apiserver; scheduler and controllers join later). */
import { startApiServer } from '@tugboat/apiserver';
import type { ApiServerOptions } from '@tugboat/apiserver';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Running } from '../command.js';
import { startComponents } from '../components.js';
import type { Component } from '../components.js';

const FLAGS: FlagSpec[] = [
  { name: 'etcd-servers', type: 'strings', description: 'etcd endpoints, comma separated', default: 'http://127.0.0.1:2379' },
  { name: 'data-dir', type: 'string', description: 'Where certificates and state live', default: '/var/lib/tugboat' },
  { name: 'bind-address', type: 'string', description: 'Address the secure port listens on' },
  { name: 'secure-port', type: 'int', description: 'HTTPS port of the API', default: '6443' },
  { name: 'insecure-port', type: 'int', description: 'Plain HTTP port on 127.0.0.1 only (off unless set)' },
  { name: 'write-kubeconfig', type: 'string', description: 'Write an admin kubeconfig to this path' },
  { name: 'tls-san', type: 'strings', description: 'Extra names or IPs for the serving certificate' },
];

/** `tug server`'s flags map one-to-one onto the apiserver's options. */
export type ServerOptions = ApiServerOptions;

function port(args: ParsedArgs, name: string): number | undefined {
  const p = args.int(name);
  if (p !== undefined && (p < 0 || p > 65535)) throw new UsageError(`--${name} must be between 0 and 65535, got ${p}`);
  return p;
}

export function serverOptions(args: ParsedArgs): ServerOptions {
  if (args.positionals.length > 0) throw new UsageError(`unexpected arguments: ${args.positionals.join(' ')}`);
  const etcd = args.strs('etcd-servers');
  const opts: ServerOptions = {
    etcdEndpoints: etcd.length > 0 ? etcd : ['http://127.0.0.1:2379'],
    dataDir: args.str('data-dir') ?? '/var/lib/tugboat',
  };
  const bind = args.str('bind-address');
  if (bind !== undefined) opts.bindAddress = bind;
  const secure = port(args, 'secure-port');
  if (secure !== undefined) opts.securePort = secure;
  const insecure = port(args, 'insecure-port');
  if (insecure !== undefined) opts.insecurePort = insecure;
  const kubeconfig = args.str('write-kubeconfig');
  if (kubeconfig !== undefined) opts.writeKubeconfig = kubeconfig;
  const sans = args.strs('tls-san');
  if (sans.length > 0) opts.tlsSans = sans;
  return opts;
}

/** The components of `tug server`, in start order. */
export function controlPlane(opts: ServerOptions, log: (line: string) => void): Component[] {
  return [
    {
      name: 'apiserver',
      start: async () => {
        const api = await startApiServer(opts);
        void api.ready.then(() => log(`apiserver serving on ${api.secureUrl}${api.insecureUrl ? ` and ${api.insecureUrl}` : ''}`), () => undefined);
        return api;
      },
    },
  ];
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<Running> {
  const opts = serverOptions(args);
  const log = (line: string): void => void ctx.io.stderr.write(`tug server: ${line}\n`);
  return startComponents(controlPlane(opts, log), log);
}

export const serverCommand: Command = {
  name: 'server',
  summary: 'Run the control plane (apiserver) in this process',
  usage: 'tug server [--etcd-servers=URLS] [--data-dir=DIR] [--secure-port=6443] [--insecure-port=PORT] [--write-kubeconfig=PATH]',
  flags: FLAGS,
  usesKubeconfig: false,
  run,
};
