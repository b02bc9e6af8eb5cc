/** `tug version`: the client's version and the server's /version. */
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { formatError } from '../errors.js';
import { getJson } from '../fetch.js';
import { toJson, toYaml } from '../format/objects.js';
import { CLIENT_VERSION } from '../version.js';

const FLAGS: FlagSpec[] = [
  { name: 'client', type: 'boolean', description: 'Only the client version' },
  { name: 'output', short: 'o', type: 'string', description: 'yaml or json' },
];

export interface ServerVersion {
  major?: string;
  minor?: string;
  gitVersion?: string;
  platform?: string;
  [key: string]: unknown;
}

export function clientVersionInfo(): Record<string, string> {
  const [major = '0', minor = '0'] = CLIENT_VERSION.split('.');
  return { major, minor, gitVersion: `v${CLIENT_VERSION}`, platform: `${process.platform}/${process.arch}` };
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const output = args.str('output');
  if (output !== undefined && output !== 'json' && output !== 'yaml') throw new UsageError('--output must be \'yaml\' or \'json\'');
  const clientVersion = clientVersionInfo();
  let serverVersion: ServerVersion | undefined;
  let error: unknown;
  let server: string | undefined;
  if (!args.bool('client')) {
    try {
      const s = await ctx.session();
      server = s.client.server;
      serverVersion = await getJson<ServerVersion>(s.client, '/version');
    } catch (err) {
      error = err;
    }
  }
  if (output) {
    const doc = { clientVersion, ...(serverVersion ? { serverVersion } : {}) };
    ctx.io.stdout.write(output === 'json' ? toJson(doc) : toYaml(doc));
  } else {
    ctx.io.stdout.write(`Client Version: ${clientVersion.gitVersion}\n`);
    if (serverVersion) ctx.io.stdout.write(`Server Version: ${serverVersion.gitVersion ?? `v${serverVersion.major}.${serverVersion.minor}`}\n`);
  }
  if (error !== undefined) {
    ctx.io.stderr.write(formatError(error, server) + '\n');
    return 1;
  }
  return 0;
}

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the client and server version information',
  usage: 'tug version [--client] [-o yaml|json]',
  flags: FLAGS,
  run,
};
