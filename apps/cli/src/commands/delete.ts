/** `tug delete`: by manifests, names or selector; waits until the objects are gone unless --wait=false. */
import { parseDuration, UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Session } from '../command.js';
import { forEachReportingErrors } from '../errors.js';
import { kindName } from '../format/objects.js';
import { loadManifests } from '../manifests.js';
import { parseResourceArgs } from '../resources.js';
import { isNotFound, objectsFromArgs, resolveManifest } from '../targets.js';
import type { ObjectTarget } from '../targets.js';

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings', description: 'Files, folders or - (stdin) naming the objects to delete' },
  { name: 'recursive', short: 'R', type: 'boolean', description: 'Process folders recursively' },
  { name: 'selector', short: 'l', type: 'string', description: 'Label selector' },
  { name: 'all', type: 'boolean', description: 'Delete every object of the given types in the namespace' },
  { name: 'wait', type: 'boolean', description: 'Wait for the objects to be gone before returning', default: 'true' },
  { name: 'timeout', type: 'string', description: 'How long to wait (0: no limit)', default: '0s' },
  { name: 'ignore-not-found', type: 'boolean', description: 'Treat "not found" as success' },
  { name: 'cascade', type: 'string', description: 'background|foreground|orphan', default: 'background' },
];

type Propagation = 'Background' | 'Foreground' | 'Orphan';

export function parseCascade(value: string | undefined): Propagation {
  switch (value ?? 'background') {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new UsageError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`);
  }
}

function label(t: ObjectTarget): string {
  return `${kindName(t.info)} "${t.name}"`;
}

async function targetsOf(ctx: CommandContext, s: Session, args: ParsedArgs): Promise<ObjectTarget[]> {
  const files = args.strs('filename');
  if (files.length > 0) {
    if (args.positionals.length > 0) throw new UsageError('cannot specify both resource arguments and -f');
    const manifests = await loadManifests(files, { recursive: args.bool('recursive'), readStdin: () => ctx.io.readStdin() });
    return manifests.map((m) => resolveManifest(m, s, { requireName: true }));
  }
  if (args.positionals.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.');
  return objectsFromArgs(s, parseResourceArgs(args.positionals), { namespace: s.namespace, labelSelector: args.str('selector'), all: args.bool('all') });
}

async function waitGone(s: Session, t: ObjectTarget & { uid: string | undefined }, deadline: number): Promise<void> {
  let delay = 100;
  for (;;) {
    try {
      const current = await s.client.get({ resource: t.info, namespace: t.namespace, name: t.name });
      if (t.uid && current.metadata.uid !== t.uid) return;
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the condition on ${t.info.resource}/${t.name}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 1000);
  }
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const propagationPolicy = parseCascade(args.str('cascade'));
  const timeoutMs = parseDuration('timeout', args.str('timeout') ?? '0s');
  const s = await ctx.session();
  const targets = await targetsOf(ctx, s, args);
  if (targets.length === 0) {
    ctx.io.stderr.write(`No resources found\n`);
    return 0;
  }
  const report = { stderr: ctx.io.stderr, server: s.client.server };
  const deleted: (ObjectTarget & { uid: string | undefined })[] = [];
  const deleteFailed = await forEachReportingErrors(targets, report, async (t) => {
    try {
      const res = await s.client.delete({ resource: t.info, namespace: t.namespace, name: t.name }, { propagationPolicy });
      ctx.io.stdout.write(`${label(t)} deleted\n`);
      deleted.push({ ...t, uid: res.kind === t.info.kind ? res.metadata.uid : undefined });
    } catch (err) {
      if (!(isNotFound(err) && args.bool('ignore-not-found'))) throw err;
    }
  });
  if (!args.bool('wait', true)) return deleteFailed;
  const deadline = timeoutMs === 0 ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
  const waitFailed = await forEachReportingErrors(deleted, report, (t) => waitGone(s, t, deadline));
  return Math.max(deleteFailed, waitFailed);
}

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'tug delete -f FILENAME | TYPE NAME... | TYPE/NAME... | TYPE -l selector | TYPE --all [--wait=false]',
  flags: FLAGS,
  run,
};
