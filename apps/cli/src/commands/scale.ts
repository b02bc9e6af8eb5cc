/** `tug scale --replicas=N TYPE/NAME`: a merge patch of the scale subresource. */
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { forEachReportingErrors } from '../errors.js';
import { kindName } from '../format/objects.js';
import { parseResourceArgs } from '../resources.js';
import { objectsFromArgs } from '../targets.js';

const FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int', description: 'The new desired number of replicas (required)' },
  { name: 'selector', short: 'l', type: 'string', description: 'Label selector' },
  { name: 'all', type: 'boolean', description: 'Scale every object of the given type in the namespace' },
];

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const replicas = args.int('replicas');
  if (replicas === undefined) throw new UsageError('required flag(s) "replicas" not set');
  if (replicas < 0) throw new UsageError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (args.positionals.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.');
  const resources = parseResourceArgs(args.positionals);
  for (const { info } of resources) {
    if (!info.subresources.includes('scale')) throw new UsageError(`cannot scale ${kindName(info)}: it has no scale subresource`);
  }
  const s = await ctx.session();
  const targets = await objectsFromArgs(s, resources, { namespace: s.namespace, labelSelector: args.str('selector'), all: args.bool('all') });
  return forEachReportingErrors(targets, { stderr: ctx.io.stderr, server: s.client.server }, async (t) => {
    await s.client.patch({ resource: t.info, namespace: t.namespace, name: t.name }, 'merge', { spec: { replicas } }, { subresource: 'scale' });
    ctx.io.stdout.write(`${kindName(t.info)}/${t.name} scaled\n`);
  });
}

export const scaleCommand: Command = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set or stateful set',
  usage: 'tug scale --replicas=COUNT TYPE NAME | TYPE/NAME...',
  flags: FLAGS,
  run,
};
