/** `tug create namespace NAME` and `tug create -f FILE`. */
import { resolveResourceName } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Session } from '../command.js';
import { formatError, withSource } from '../errors.js';
import { kindName } from '../format/objects.js';
import { loadManifests } from '../manifests.js';
import { resolveManifest } from '../targets.js';
import { FIELD_MANAGER, parseDryRun } from './apply.js';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings', description: 'Files, folders or - (stdin) with the manifests to create' },
  { name: 'recursive', short: 'R', type: 'boolean', description: 'Process folders recursively' },
  { name: 'dry-run', type: 'string', description: 'none or server' },
];

const SUBCOMMANDS = ['namespace', 'ns'];

async function createNamespace(ctx: CommandContext, s: Session, name: string, dryRun: boolean): Promise<number> {
  const info = resolveResourceName('namespaces')!;
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  await s.client.create(info, obj, { fieldManager: FIELD_MANAGER, dryRun });
  ctx.io.stdout.write(`namespace/${name} created${dryRun ? ' (server dry run)' : ''}\n`);
  return 0;
}

async function createFromFiles(ctx: CommandContext, s: Session, args: ParsedArgs, dryRun: boolean): Promise<number> {
  const manifests = await loadManifests(args.strs('filename'), { recursive: args.bool('recursive'), readStdin: () => ctx.io.readStdin() });
  let failed = false;
  for (const m of manifests) {
    try {
      const t = resolveManifest(m, s, { requireName: false });
      const created = await s.client.create(t.info, t.object!, { fieldManager: FIELD_MANAGER, dryRun, namespace: t.namespace }).catch((err: unknown) => {
        throw withSource(err, 'creating', m.source);
      });
      ctx.io.stdout.write(`${kindName(t.info)}/${created.metadata.name ?? t.name} created${dryRun ? ' (server dry run)' : ''}\n`);
    } catch (err) {
      failed = true;
      ctx.io.stderr.write(formatError(err, s.client.server) + '\n');
    }
  }
  return failed ? 1 : 0;
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const dryRun = parseDryRun(args.str('dry-run'));
  const [what, name, ...extra] = args.positionals;
  if (args.strs('filename').length > 0) {
    if (what !== undefined) throw new UsageError(`Unexpected args: [${args.positionals.join(' ')}]`);
    return createFromFiles(ctx, await ctx.session(), args, dryRun);
  }
  if (what === undefined) throw new UsageError('must specify one of -f and -k, or a subcommand: namespace');
  if (!SUBCOMMANDS.includes(what)) throw new UsageError(`unknown subcommand "${what}" for "tug create" (supported: namespace)`);
  if (name === undefined) throw new UsageError('exactly one NAME is required, got 0');
  if (extra.length > 0) throw new UsageError(`exactly one NAME is required, got ${extra.length + 1}`);
  return createNamespace(ctx, await ctx.session(), name, dryRun);
}

export const createCommand: Command = {
  name: 'create',
  summary: 'Create a resource from a file or stdin, or a namespace',
  usage: 'tug create namespace NAME | tug create -f FILENAME',
  flags: FLAGS,
  run,
};
