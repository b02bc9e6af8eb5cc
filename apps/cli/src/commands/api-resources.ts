/** `tug api-resources`: what the server serves, from discovery, listed as kubectl lists it. */
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { discover } from '../discovery.js';
import type { ApiResource } from '../discovery.js';
import { formatColumns } from '../format/columns.js';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', description: 'wide or name' },
  { name: 'namespaced', type: 'string', description: 'true: only namespaced resources; false: only cluster-scoped ones' },
  { name: 'api-group', type: 'string', description: 'Only resources of this API group ("" for core)' },
];

export function formatApiResources(resources: readonly ApiResource[], output: 'table' | 'wide' | 'name'): string {
  if (output === 'name') return resources.map((r) => (r.group ? `${r.name}.${r.group}\n` : `${r.name}\n`)).join('');
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = resources.map((r) => [
    r.name,
    r.shortNames.join(','),
    r.group ? `${r.group}/${r.version}` : r.version,
    String(r.namespaced),
    r.kind,
    ...(output === 'wide' ? [r.verbs.join(','), r.categories.join(',')] : []),
  ]);
  return formatColumns(header, rows);
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const raw = args.str('output');
  if (raw !== undefined && raw !== 'wide' && raw !== 'name') throw new UsageError(`--output ${raw} is not available`);
  const o = raw as 'wide' | 'name' | undefined;
  const namespaced = args.str('namespaced');
  if (namespaced !== undefined && namespaced !== 'true' && namespaced !== 'false') throw new UsageError(`invalid argument "${namespaced}" for "--namespaced" flag`);
  const s = await ctx.session();
  const { resources, failures } = await discover(s.client);
  const group = args.str('api-group');
  const shown = resources.filter((r) => (namespaced === undefined || String(r.namespaced) === namespaced) && (group === undefined || r.group === group));
  ctx.io.stdout.write(formatApiResources(shown, o ?? 'table'));
  if (failures.length > 0) {
    ctx.io.stderr.write(`error: unable to retrieve the complete list of server APIs: ${failures.join('; ')}\n`);
    return 1;
  }
  return 0;
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  usage: 'tug api-resources [-o wide|name] [--namespaced=true|false] [--api-group=GROUP]',
  flags: FLAGS,
  run,
};
