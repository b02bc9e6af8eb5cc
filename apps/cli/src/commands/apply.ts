/**
 * `tug apply -f`: server-side apply (field manager `tug`, force) of every object in the manifests,
 * reporting `created`, `configured` or `unchanged` from the resourceVersion before and after.
 */
import type { KubeObject } from '@tugboat/api';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Session } from '../command.js';
import { forEachReportingErrors, withSource } from '../errors.js';
import { kindName } from '../format/objects.js';
import { loadManifests } from '../manifests.js';
import { isNotFound, resolveManifest } from '../targets.js';
import type { ObjectTarget } from '../targets.js';

export const FIELD_MANAGER = 'tug';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings', description: 'Files, folders or - (stdin) with the manifests to apply' },
  { name: 'recursive', short: 'R', type: 'boolean', description: 'Process folders recursively' },
  { name: 'dry-run', type: 'string', description: 'none or server: let the server check, but persist nothing' },
];

export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

export function applyOutcome(before: KubeObject | undefined, after: KubeObject): ApplyOutcome {
  if (!before) return 'created';
  return before.metadata.resourceVersion === after.metadata.resourceVersion ? 'unchanged' : 'configured';
}

async function applyOne(s: Session, t: ObjectTarget, dryRun: boolean): Promise<ApplyOutcome> {
  const ref = { resource: t.info, namespace: t.namespace, name: t.name };
  let before: KubeObject | undefined;
  try {
    before = await s.client.get(ref);
  } catch (err) {
    if (!isNotFound(err)) throw withSource(err, 'retrieving current configuration of', t.source ?? '');
  }
  const opts = { fieldManager: FIELD_MANAGER, force: true, dryRun };
  try {
    return applyOutcome(before, await s.client.patch(ref, 'apply', t.object, opts));
  } catch (err) {
    if (before || !isNotFound(err)) throw withSource(err, before ? 'patching' : 'creating', t.source ?? '');
  }
  // A server whose apply-patch does not create: fall back to a plain create.
  try {
    return applyOutcome(undefined, await s.client.create(t.info, t.object!, { fieldManager: FIELD_MANAGER, dryRun, namespace: t.namespace }));
  } catch (err) {
    throw withSource(err, 'creating', t.source ?? '');
  }
}

export function parseDryRun(value: string | undefined): boolean {
  if (value === undefined || value === 'none' || value === 'false') return false;
  if (value === 'server') return true;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none" or "server".`);
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const files = args.strs('filename');
  if (files.length === 0) throw new UsageError('must specify one of -f and -k');
  if (args.positionals.length > 0) throw new UsageError(`Unexpected args: [${args.positionals.join(' ')}]`);
  const dryRun = parseDryRun(args.str('dry-run'));
  const manifests = await loadManifests(files, { recursive: args.bool('recursive'), readStdin: () => ctx.io.readStdin() });
  if (manifests.length === 0) throw new UsageError('no objects passed to apply');
  const s = await ctx.session();
  return forEachReportingErrors(manifests, { stderr: ctx.io.stderr, server: s.client.server }, async (m) => {
    const target = resolveManifest(m, s, { requireName: true });
    const outcome = await applyOne(s, target, dryRun);
    ctx.io.stdout.write(`${kindName(target.info)}/${target.name} ${outcome}${dryRun ? ' (server dry run)' : ''}\n`);
  });
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a configuration to resources from files or stdin (server-side apply)',
  usage: 'tug apply -f FILENAME|DIR|- [-R] [--dry-run=server]',
  flags: FLAGS,
  run,
};
