/**
 * `tug get -w`: print the current state, then one line (or object) per watch event.
 * The watch stream carries full objects, so each ADDED/MODIFIED row is fetched as a one-row Table;
 * a DELETED object prints the last row seen for it.
 */
import type { KubeObject, WatchEvent } from '@tugboat/api';
import type { CommandContext, Session } from '../command.js';
import { formatError } from '../errors.js';
import { fetchTable, withTypeMeta } from '../fetch.js';
import { alignRows, columnWidths } from '../format/columns.js';
import { kindName, toJson, toYaml } from '../format/objects.js';
import { tableHeader, tableRows } from '../format/table.js';
import type { Table, TableOptions } from '../format/table.js';
import type { ResourceTarget } from '../resources.js';
import type { GetRequest } from './get.js';

export interface WatchRequest extends GetRequest {
  target: ResourceTarget;
}

type Printer = (ev: WatchEvent) => Promise<void>;

function joinSelectors(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length > 0 ? present.join(',') : undefined;
}

/** Aligned rows across the whole watch: widths only grow, the header prints once. */
class RowPrinter {
  private widths: number[] = [];
  private headerDone = false;
  readonly cache = new Map<string, string[]>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly opts: TableOptions,
  ) {}

  print(table: Table): void {
    const rows = tableRows(table, this.opts);
    if (rows.length === 0) return;
    const header = this.headerDone ? [] : [tableHeader(table, this.opts)];
    this.widths = columnWidths([...header, ...rows], this.widths);
    this.headerDone = true;
    table.rows.forEach((r, i) => {
      const uid = r.object?.metadata?.uid;
      if (uid) this.cache.set(uid, rows[i]!);
    });
    this.ctx.io.stdout.write(alignRows([...header, ...rows], this.widths).join('\n') + '\n');
  }

  printCached(uid: string | undefined): void {
    const row = uid ? this.cache.get(uid) : undefined;
    if (!row) return;
    this.widths = columnWidths([row], this.widths);
    this.ctx.io.stdout.write(alignRows([row], this.widths).join('\n') + '\n');
    if (uid) this.cache.delete(uid);
  }
}

function tablePrinter(ctx: CommandContext, s: Session, req: WatchRequest, rows: RowPrinter): Printer {
  return async (ev) => {
    const meta = ev.object.metadata;
    if (ev.type === 'DELETED') return rows.printCached(meta.uid);
    try {
      rows.print(await fetchTable(s.client, req.target.info, { namespace: meta.namespace, name: meta.name }, ctx.now()));
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'NotFound') throw err;
    }
  };
}

function objectPrinter(ctx: CommandContext, req: WatchRequest): Printer {
  let first = true;
  return (ev) => {
    const obj = withTypeMeta(req.target.info, ev.object);
    if (req.format === 'name') ctx.io.stdout.write(`${kindName(req.target.info)}/${obj.metadata.name ?? ''}\n`);
    else if (req.format === 'json') ctx.io.stdout.write(toJson(obj));
    else ctx.io.stdout.write((first ? '' : '---\n') + toYaml(obj));
    first = false;
    return Promise.resolve();
  };
}

async function initialState(ctx: CommandContext, s: Session, req: WatchRequest, rows: RowPrinter): Promise<string | undefined> {
  const { info } = req.target;
  if (req.format === 'table' || req.format === 'wide') {
    const table = await fetchTable(s.client, info, { namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector: req.fieldSelector }, ctx.now());
    rows.print(table);
    return table.metadata.resourceVersion;
  }
  const list = await s.client.list(info, { namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector: req.fieldSelector });
  const print = objectPrinter(ctx, req);
  for (const object of list.items) await print({ type: 'ADDED', object });
  return list.metadata.resourceVersion;
}

export async function watchTarget(ctx: CommandContext, s: Session, req: WatchRequest, opts: TableOptions): Promise<number> {
  const name = req.target.names[0];
  const fieldSelector = joinSelectors(req.fieldSelector, name !== undefined ? `metadata.name=${name}` : undefined);
  const rows = new RowPrinter(ctx, opts);
  try {
    let rv = await initialState(ctx, s, { ...req, fieldSelector }, rows);
    const print = req.format === 'table' || req.format === 'wide' ? tablePrinter(ctx, s, req, rows) : objectPrinter(ctx, req);
    for (;;) {
      const events = s.client.watch<KubeObject>(req.target.info, {
        namespace: req.namespace,
        labelSelector: req.labelSelector,
        fieldSelector,
        resourceVersion: rv,
        allowWatchBookmarks: true,
      });
      for await (const ev of events) {
        rv = ev.object.metadata.resourceVersion ?? rv;
        if (ev.type !== 'BOOKMARK') await print(ev);
      }
      // The server ended the watch (its timeout): carry on from the last version seen.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (err) {
    ctx.io.stderr.write(formatError(err, s.client.server) + '\n');
    return 1;
  }
}
