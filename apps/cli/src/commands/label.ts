/** `tug label TYPE NAME k=v k2-`: a merge patch of metadata.labels; --overwrite to change a value. */
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { forEachReportingErrors } from '../errors.js';
import { kindName } from '../format/objects.js';
import { parseResourceArgs } from '../resources.js';
import { objectsFromArgs } from '../targets.js';

const FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'boolean', description: 'Allow changing the value of labels that already exist' },
  { name: 'selector', short: 'l', type: 'string', description: 'Label selector' },
  { name: 'all', type: 'boolean', description: 'Label every object of the given types in the namespace' },
];

export interface LabelChanges {
  set: Record<string, string>;
  remove: string[];
}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Split `TYPE NAME… k=v k-` into the resource arguments and the label changes. */
export function parseLabelArgs(positionals: readonly string[]): { resources: string[]; changes: LabelChanges } {
  const firstLabel = positionals.findIndex((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const resources = firstLabel < 0 ? [...positionals] : positionals.slice(0, firstLabel);
  const labelArgs = firstLabel < 0 ? [] : positionals.slice(firstLabel);
  const changes: LabelChanges = { set: {}, remove: [] };
  for (const arg of labelArgs) {
    const eq = arg.indexOf('=');
    const key = eq >= 0 ? arg.slice(0, eq) : arg.endsWith('-') ? arg.slice(0, -1) : arg;
    if (!KEY.test(key)) throw new UsageError(`invalid label spec: ${arg}`);
    if (eq >= 0) changes.set[key] = arg.slice(eq + 1);
    else if (arg.endsWith('-')) changes.remove.push(key);
    else throw new UsageError(`all resources must be specified before label changes: ${arg}`);
  }
  if (Object.keys(changes.set).length === 0 && changes.remove.length === 0) throw new UsageError('at least one label update is required');
  if (changes.remove.some((k) => k in changes.set)) throw new UsageError('can not both modify and remove a label in the same command');
  return { resources, changes };
}

export interface LabelPlan {
  /** the merge patch's labels (null removes); empty when nothing changes */
  patch: Record<string, string | null>;
  outcome: 'labeled' | 'unlabeled' | 'not labeled';
  warnings: string[];
}

export function planLabels(current: Readonly<Record<string, string>> | undefined, changes: LabelChanges, overwrite: boolean): LabelPlan {
  const have = current ?? {};
  const patch: Record<string, string | null> = {};
  const warnings: string[] = [];
  for (const [k, v] of Object.entries(changes.set)) {
    if (k in have && have[k] !== v && !overwrite) throw new UsageError(`'${k}' already has a value (${have[k]}), and --overwrite is false`);
    if (have[k] !== v) patch[k] = v;
  }
  for (const k of changes.remove) {
    if (k in have) patch[k] = null;
    else warnings.push(`label "${k}" not found.`);
  }
  const values = Object.values(patch);
  const outcome = values.length === 0 ? 'not labeled' : values.every((v) => v === null) ? 'unlabeled' : 'labeled';
  return { patch, outcome, warnings };
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const { resources, changes } = parseLabelArgs(args.positionals);
  if (resources.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const s = await ctx.session();
  const targets = await objectsFromArgs(s, parseResourceArgs(resources), { namespace: s.namespace, labelSelector: args.str('selector'), all: args.bool('all') });
  return forEachReportingErrors(targets, { stderr: ctx.io.stderr, server: s.client.server }, async (t) => {
    const ref = { resource: t.info, namespace: t.namespace, name: t.name };
    const current = await s.client.get(ref);
    const plan = planLabels(current.metadata.labels, changes, args.bool('overwrite'));
    for (const w of plan.warnings) ctx.io.stderr.write(`${w}\n`);
    if (Object.keys(plan.patch).length > 0) await s.client.patch(ref, 'merge', { metadata: { labels: plan.patch } });
    ctx.io.stdout.write(`${kindName(t.info)}/${t.name} ${plan.outcome}\n`);
  });
}

export const labelCommand: Command = {
  name: 'label',
  summary: 'Update the labels on a resource',
  usage: 'tug label TYPE NAME... | TYPE/NAME... KEY=VAL... KEY-... [--overwrite]',
  flags: FLAGS,
  run,
};
