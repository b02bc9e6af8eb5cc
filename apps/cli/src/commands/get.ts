/** `tug get`: tables from the server's Table format, or the objects as yaml/json/name; `-w` to watch. */
import type { KubeObject } from '@tugboat/api';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Session } from '../command.js';
import { formatError } from '../errors.js';
import { fetchTable, withTypeMeta } from '../fetch.js';
import { alignRows, columnWidths } from '../format/columns.js';
import { formatObjects, kindName } from '../format/objects.js';
import type { ObjectFormat } from '../format/objects.js';
import { tableHeader, tableRows } from '../format/table.js';
import type { TableOptions } from '../format/table.js';
import { isMultiType, parseResourceArgs } from '../resources.js';
import type { ResourceTarget } from '../resources.js';
import { watchTarget } from './get-watch.js';

const FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', description: 'Output format: yaml|json|wide|name' },
  { name: 'selector', short: 'l', type: 'string', description: 'Label selector, e.g. -l app=web,tier!=db' },
  { name: 'field-selector', type: 'string', description: 'Field selector, e.g. --field-selector spec.nodeName=n1' },
  { name: 'all-namespaces', short: 'A', type: 'boolean', description: 'List across all namespaces' },
  { name: 'watch', short: 'w', type: 'boolean', description: 'After listing, watch for changes' },
  { name: 'show-labels', type: 'boolean', description: 'Add a LABELS column' },
  { name: 'ignore-not-found', type: 'boolean', description: 'Treat "not found" as success' },
];

export type GetFormat = ObjectFormat | 'table' | 'wide';

export function parseOutput(value: string | undefined): GetFormat {
  if (value === undefined || value === '') return 'table';
  if (value === 'yaml' || value === 'json' || value === 'name' || value === 'wide') return value;
  throw new UsageError(`unable to match a printer suitable for the output format "${value}", allowed formats are: json,name,wide,yaml`);
}

export interface GetRequest {
  targets: ResourceTarget[];
  format: GetFormat;
  namespace: string | undefined;
  labelSelector: string | undefined;
  fieldSelector: string | undefined;
  multi: boolean;
  showLabels: boolean;
  ignoreNotFound: boolean;
}

export function noResourcesMessage(namespace: string | undefined, anyNamespaced: boolean): string {
  return namespace && anyNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}

function tableOptions(req: GetRequest, target: ResourceTarget): TableOptions {
  return {
    wide: req.format === 'wide',
    withNamespace: req.namespace === undefined && target.info.namespaced,
    namePrefix: req.multi ? `${kindName(target.info)}/` : undefined,
    showLabels: req.showLabels,
  };
}

async function printTables(ctx: CommandContext, s: Session, req: GetRequest): Promise<{ failed: boolean; printed: number }> {
  let failed = false;
  let printed = 0;
  for (const target of req.targets) {
    const opts = tableOptions(req, target);
    const queries = target.names.length > 0 ? target.names.map((name) => ({ name })) : [{ name: undefined }];
    let header: string[] | undefined;
    const rows: string[][] = [];
    for (const q of queries) {
      try {
        const table = await fetchTable(s.client, target.info, { ...q, namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector: req.fieldSelector }, ctx.now());
        header ??= tableHeader(table, opts);
        rows.push(...tableRows(table, opts));
      } catch (err) {
        if (req.ignoreNotFound && (err as { code?: unknown }).code === 'NotFound') continue;
        failed = true;
        ctx.io.stderr.write(formatError(err, s.client.server) + '\n');
      }
    }
    if (!header || rows.length === 0) continue;
    if (printed > 0) ctx.io.stdout.write('\n');
    ctx.io.stdout.write(alignRows([header, ...rows], columnWidths([header, ...rows])).join('\n') + '\n');
    printed += rows.length;
  }
  return { failed, printed };
}

async function printObjects(ctx: CommandContext, s: Session, req: GetRequest, format: ObjectFormat): Promise<{ failed: boolean; printed: number }> {
  let failed = false;
  const objects: KubeObject[] = [];
  for (const target of req.targets) {
    try {
      if (target.names.length > 0) {
        for (const name of target.names) {
          try {
            objects.push(withTypeMeta(target.info, await s.client.get({ resource: target.info, namespace: req.namespace, name })));
          } catch (err) {
            if (req.ignoreNotFound && (err as { code?: unknown }).code === 'NotFound') continue;
            failed = true;
            ctx.io.stderr.write(formatError(err, s.client.server) + '\n');
          }
        }
      } else {
        const list = await s.client.list(target.info, { namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector: req.fieldSelector });
        objects.push(...list.items.map((o) => withTypeMeta(target.info, o)));
      }
    } catch (err) {
      failed = true;
      ctx.io.stderr.write(formatError(err, s.client.server) + '\n');
    }
  }
  const single = req.targets.length === 1 && req.targets[0]!.names.length === 1;
  const infoOf = (o: KubeObject) => req.targets.find((t) => t.info.kind === o.kind)?.info ?? { kind: o.kind, group: '' };
  if (objects.length > 0 || format !== 'name') ctx.io.stdout.write(formatObjects(objects, format, infoOf, single));
  return { failed, printed: objects.length };
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('You must specify the type of resource to get. Use "tug api-resources" for a complete list of supported resources.');
  const targets = parseResourceArgs(args.positionals);
  const s = await ctx.session();
  const all = args.bool('all-namespaces');
  const req: GetRequest = {
    targets,
    format: parseOutput(args.str('output')),
    namespace: all ? undefined : s.namespace,
    labelSelector: args.str('selector'),
    fieldSelector: args.str('field-selector'),
    multi: isMultiType(args.positionals, targets),
    showLabels: args.bool('show-labels'),
    ignoreNotFound: args.bool('ignore-not-found'),
  };
  const watch = args.bool('watch');
  if (watch && (targets.length !== 1 || targets[0]!.names.length > 1)) throw new UsageError('you may only specify a single resource type (and at most one name) with --watch');

  if (watch) return watchTarget(ctx, s, { ...req, target: targets[0]! }, tableOptions(req, targets[0]!));
  const format = req.format;
  const result = format === 'table' || format === 'wide' ? await printTables(ctx, s, req) : await printObjects(ctx, s, req, format);
  if (result.printed === 0 && !result.failed && format !== 'json' && format !== 'yaml' && !req.targets.some((t) => t.names.length > 0)) {
    ctx.io.stderr.write(noResourcesMessage(req.namespace, targets.some((t) => t.info.namespaced)));
  }
  return result.failed ? 1 : 0;
}

export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'tug get TYPE[,TYPE...] [NAME...] | TYPE/NAME... [-o yaml|json|wide|name] [-l selector] [-A] [-w]',
  flags: FLAGS,
  run,
};
