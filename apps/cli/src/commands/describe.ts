/** `tug describe`: a readable view of objects and the Events that involve them. */
import { resolveResourceName } from '@tugboat/api';
import type { KubeObject, Pod, ResourceInfo } from '@tugboat/api';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Session } from '../command.js';
import { formatError } from '../errors.js';
import { withTypeMeta } from '../fetch.js';
import { describeObject } from '../format/describe.js';
import { describePod } from '../format/describe-pod.js';
import { parseResourceArgs } from '../resources.js';
import { noResourcesMessage } from './get.js';

const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', description: 'Label selector' },
  { name: 'all-namespaces', short: 'A', type: 'boolean', description: 'Describe across all namespaces' },
];

export function eventsFieldSelector(obj: KubeObject): string {
  const { name = '', namespace, uid } = obj.metadata;
  return [`involvedObject.name=${name}`, namespace ? `involvedObject.namespace=${namespace}` : '', uid ? `involvedObject.uid=${uid}` : '']
    .filter((s) => s !== '')
    .join(',');
}

async function eventsFor(s: Session, obj: KubeObject): Promise<KubeObject[] | Error> {
  const events = resolveResourceName('events');
  if (!events) return [];
  try {
    const list = await s.client.list(events, { namespace: obj.metadata.namespace, fieldSelector: eventsFieldSelector(obj) });
    return list.items;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

async function objectsOf(s: Session, info: ResourceInfo, names: readonly string[], q: { namespace: string | undefined; labelSelector: string | undefined }): Promise<{ objects: KubeObject[]; errors: unknown[] }> {
  if (names.length === 0) {
    const list = await s.client.list(info, { namespace: q.namespace, labelSelector: q.labelSelector });
    return { objects: list.items.map((o) => withTypeMeta(info, o)), errors: [] };
  }
  const objects: KubeObject[] = [];
  const errors: unknown[] = [];
  for (const name of names) {
    try {
      objects.push(withTypeMeta(info, await s.client.get({ resource: info, namespace: q.namespace, name })));
    } catch (err) {
      errors.push(err);
    }
  }
  return { objects, errors };
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('You must specify the type of resource to describe. Use "tug api-resources" for a complete list of supported resources.');
  const targets = parseResourceArgs(args.positionals);
  const s = await ctx.session();
  const namespace = args.bool('all-namespaces') ? undefined : s.namespace;
  let failed = false;
  let printed = 0;
  for (const target of targets) {
    const { objects, errors } = await objectsOf(s, target.info, target.names, { namespace, labelSelector: args.str('selector') });
    for (const err of errors) ctx.io.stderr.write(formatError(err, s.client.server) + '\n');
    failed ||= errors.length > 0;
    for (const obj of objects) {
      if (printed > 0) ctx.io.stdout.write('\n\n');
      const events = await eventsFor(s, obj);
      ctx.io.stdout.write(obj.kind === 'Pod' ? describePod(obj as Pod, events, ctx.now()) : describeObject(obj, events, ctx.now()));
      printed++;
    }
  }
  if (printed === 0 && !failed) ctx.io.stderr.write(noResourcesMessage(namespace, targets.some((t) => t.info.namespaced)));
  return failed ? 1 : 0;
}

export const describeCommand: Command = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'tug describe TYPE [NAME...] | TYPE/NAME... [-l selector] [-A]',
  flags: FLAGS,
  run,
};
