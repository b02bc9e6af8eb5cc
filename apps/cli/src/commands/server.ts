/** `tug server`: the control plane in this process: the apiserver, then the scheduler (controllers join later). */
import type { ApiServer, ApiServerOptions } from '@tugboat/apiserver';
import { parseKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Running } from '../command.js';
import { startComponents } from '../components.js';
import type { Component } from '../components.js';
import { schedulerComponent } from './scheduler-component.js';

const FLAGS: FlagSpec[] = [
  { name: 'etcd-servers', type: 'strings', description: 'etcd endpoints, comma separated', default: 'http://127.0.0.1:2379' },
  { name: 'data-dir', type: 'string', description: 'Where certificates and state live', default: '/var/lib/tugboat' },
  { name: 'bind-address', type: 'string', description: 'Address the secure port listens on' },
  { name: 'secure-port', type: 'int', description: 'HTTPS port of the API', default: '6443' },
  { name: 'insecure-port', type: 'int', description: 'Plain HTTP port on 127.0.0.1 only (off unless set)' },
  { name: 'write-kubeconfig', type: 'string', description: 'Write an admin kubeconfig to this path' },
  { name: 'tls-san', type: 'strings', description: 'Extra names or IPs for the serving certificate' },
  { name: 'disable-scheduler', type: 'boolean', description: 'Do not run the scheduler in this process' },
  { name: 'node-service-port', type: 'int', description: 'gRPC port node agents join and connect to', default: '6444' },
  { name: 'cluster-cidr', type: 'string', description: 'Pod addresses; every node gets a /24 of it', default: '10.244.0.0/16' },
  { name: 'service-cidr', type: 'string', description: 'Service ClusterIPs', default: '10.96.0.0/12' },
];

/** `tug server`'s flags: the apiserver's options one-to-one, plus which components to leave out. */
export type ServerOptions = ApiServerOptions & { disableScheduler?: boolean };

function port(args: ParsedArgs, name: string): number | undefined {
  const p = args.int(name);
  if (p !== undefined && (p < 0 || p > 65535)) throw new UsageError(`--${name} must be between 0 and 65535, got ${p}`);
  return p;
}

function cidr(args: ParsedArgs, name: string): string | undefined {
  const v = args.str(name);
  if (v !== undefined && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(v)) throw new UsageError(`--${name} must be an IPv4 CIDR such as 10.244.0.0/16, got "${v}"`);
  return v;
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
  if (args.bool('disable-scheduler')) opts.disableScheduler = true;
  const nodeServicePort = port(args, 'node-service-port');
  if (nodeServicePort !== undefined) opts.nodeServicePort = nodeServicePort;
  const clusterCidr = cidr(args, 'cluster-cidr');
  if (clusterCidr !== undefined) opts.clusterCidr = clusterCidr;
  const serviceCidr = cidr(args, 'service-cidr');
  if (serviceCidr !== undefined) opts.serviceCidr = serviceCidr;
  return opts;
}

/** The components of `tug server`, in start order. */
export function controlPlane(opts: ServerOptions, log: (line: string) => void): Component[] {
  const { disableScheduler, ...apiOptions } = opts;
  let api: ApiServer | undefined;
  const components: Component[] = [
    {
      name: 'apiserver',
      start: async () => {
        // loaded on demand: other verbs (and `tug agent`) never pay for the apiserver's modules
        const { startApiServer } = await import('@tugboat/apiserver');
        api = await startApiServer(apiOptions);
        const started = api;
        void started.ready.then(() => {
          log(`apiserver serving on ${started.secureUrl}${started.insecureUrl ? ` and ${started.insecureUrl}` : ''}`);
          log(`nodes join at ${started.nodeServiceAddress}: tug agent --server=<this host>:${started.nodeServiceAddress.split(':').pop()} --ca-file=${apiOptions.dataDir}/pki/ca.crt --token-file=${apiOptions.dataDir}/node-token`);
        }, () => undefined);
        return started;
      },
    },
  ];
  if (!disableScheduler) {
    components.push({
      name: 'scheduler',
      // Started after the apiserver is ready; talks to it over HTTPS with the admin kubeconfig, as a
      // separate `tug scheduler` would (leader election lets several servers run one each).
      start: () => {
        if (!api) throw new Error('the scheduler needs the apiserver to start first');
        return schedulerComponent(restClientFromKubeConfig(parseKubeConfig(api.kubeconfig), { userAgent: 'tugboat-scheduler' }), { logger: opts.logger });
      },
    });
  }
  return components;
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<Running> {
  const opts = serverOptions(args);
  const log = (line: string): void => void ctx.io.stderr.write(`tug server: ${line}\n`);
  return startComponents(controlPlane(opts, log), log);
}

export const serverCommand: Command = {
  name: 'server',
  summary: 'Run the control plane (apiserver, scheduler) in this process',
  usage: 'tug server [--etcd-servers=URLS] [--data-dir=DIR] [--secure-port=6443] [--node-service-port=6444] [--insecure-port=PORT] [--write-kubeconfig=PATH] [--cluster-cidr=CIDR] [--disable-scheduler]',
  flags: FLAGS,
  usesKubeconfig: false,
  run,
};
