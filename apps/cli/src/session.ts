/** kubectl's global flags and the session (client + namespace) they select. */
import { loadKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
import type { FlagSpec, ParsedArgs } from './args.js';
import type { Session } from './command.js';
import { CLIENT_VERSION } from './version.js';

export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'kubeconfig', type: 'string', description: 'Path to the kubeconfig file (else $KUBECONFIG, else ~/.kube/config)' },
  { name: 'context', type: 'string', description: 'The name of the kubeconfig context to use' },
  { name: 'namespace', short: 'n', type: 'string', description: 'If present, the namespace scope for this request' },
  { name: 'help', short: 'h', type: 'boolean', description: 'Help for this command' },
];

export interface SessionEnv {
  env: Readonly<Record<string, string | undefined>>;
}

export function openSession(args: ParsedArgs, { env }: SessionEnv): Session & { close(): void } {
  const config = loadKubeConfig({ path: args.str('kubeconfig'), context: args.str('context'), env });
  const flagNamespace = args.str('namespace');
  const namespace = flagNamespace || config.namespace;
  const client = restClientFromKubeConfig(config, { defaultNamespace: namespace, userAgent: `tug/${CLIENT_VERSION}` });
  return { client, config, namespace, namespaceFromFlag: Boolean(flagNamespace), close: () => client.close() };
}
