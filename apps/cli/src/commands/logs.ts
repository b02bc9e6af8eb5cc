/** `tug logs [-f] [-c C] [-p] [--tail N] [--since 5m] [--timestamps] POD`: the pods/log subresource, streamed to stdout. */
import { StringDecoder } from 'node:string_decoder';
import { resolveResourceName } from '@tugboat/api';
import type { Pod } from '@tugboat/api';
import { UsageError, parseDuration } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { resourcePath, withQuery } from '../paths.js';
import { chooseContainer, podName } from '../pod-container.js';
import { getStream } from '../streams/connect.js';

const FLAGS: FlagSpec[] = [
  { name: 'follow', short: 'f', type: 'boolean', description: 'Keep streaming the log as it grows' },
  { name: 'container', short: 'c', type: 'string', description: 'The container to print the log of (default: the only or default container)' },
  { name: 'previous', short: 'p', type: 'boolean', description: "The log of the container's previous instance" },
  { name: 'tail', type: 'int', description: 'Lines of recent log to show; -1 for all', default: '-1' },
  { name: 'since', type: 'string', description: 'Only newer lines than this duration, e.g. 5s, 2m, 3h' },
  { name: 'timestamps', type: 'boolean', description: 'Prefix every line with its RFC 3339 timestamp' },
  { name: 'limit-bytes', type: 'int', description: 'At most this many bytes of log' },
];

/** The flags as the query of pods/log; kubectl omits what is at its default. */
export function logQuery(args: ParsedArgs, container: string | undefined): Record<string, string | number | boolean | undefined> {
  const tail = args.int('tail') ?? -1;
  if (tail < -1) throw new UsageError('--tail must be -1 (all lines) or a number of lines');
  const since = args.str('since');
  const sinceMs = since === undefined ? undefined : parseDuration('since', since);
  if (sinceMs !== undefined && sinceMs <= 0) throw new UsageError('--since must be greater than 0');
  const limit = args.int('limit-bytes');
  if (limit !== undefined && limit <= 0) throw new UsageError('--limit-bytes must be greater than 0');
  return {
    container,
    follow: args.bool('follow') || undefined,
    previous: args.bool('previous') || undefined,
    timestamps: args.bool('timestamps') || undefined,
    tailLines: tail >= 0 ? tail : undefined,
    sinceSeconds: sinceMs === undefined ? undefined : Math.ceil(sinceMs / 1000),
    limitBytes: limit,
  };
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const [arg, ...extra] = args.positionals;
  if (arg === undefined) throw new UsageError('expected POD: tug logs [-f] [-c CONTAINER] POD');
  if (extra.length > 0) throw new UsageError(`expected one POD, got ${args.positionals.length} arguments`);
  const pods = resolveResourceName('pods')!;
  const s = await ctx.session();
  const name = podName(arg);
  const pod = await s.client.get<Pod>({ resource: pods, namespace: s.namespace, name });
  const container = chooseContainer(pod, args.str('container'), ctx.io.stderr);
  const path = withQuery(`${resourcePath(pods, s.namespace, name)}/log`, logQuery(args, container));
  const res = await getStream(s.config, path);
  const text = new StringDecoder('utf8');
  for await (const chunk of res) ctx.io.stdout.write(text.write(chunk as Buffer));
  const rest = text.end();
  if (rest) ctx.io.stdout.write(rest);
  return 0;
}

export const logsCommand: Command = {
  name: 'logs',
  summary: 'Print the logs of a container in a pod',
  usage: 'tug logs [-f] [-p] [-c CONTAINER] [--tail N] [--since 5m] [--timestamps] POD',
  flags: FLAGS,
  run,
};
