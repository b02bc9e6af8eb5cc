/**
 * Rendering of the server's meta.k8s.io/v1 Table (what `get` asks for) into aligned text, and a
 * NAME/AGE fallback for servers or kinds that answer with plain objects.
 */
import type { KubeObject, ListMeta, ObjectMeta } from '@tugboat/api';
import { since as age } from '@tugboat/api';

export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { kind?: string; apiVersion?: string; metadata?: ObjectMeta };
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: ListMeta;
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io, application/json';

export interface TableOptions {
  /** include priority > 0 columns (`-o wide`) */
  wide: boolean;
  /** prepend a NAMESPACE column from each row's object metadata (`-A`) */
  withNamespace: boolean;
  /** prefix the name cell, as kubectl does when several kinds are printed: `deployment.apps/` */
  namePrefix?: string;
  /** append a LABELS column (`--show-labels`) */
  showLabels?: boolean;
}

export function isTable(value: unknown): value is Table {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Table>;
  return v.kind === 'Table' && Array.isArray(v.columnDefinitions) && Array.isArray(v.rows);
}

/** How kubectl prints one cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '<none>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(cellText).join(',');
  return JSON.stringify(value);
}

function visibleColumns(table: Table, wide: boolean): number[] {
  return table.columnDefinitions.flatMap((c, i) => (wide || (c.priority ?? 0) === 0 ? [i] : []));
}

function nameColumn(table: Table): number {
  const byFormat = table.columnDefinitions.findIndex((c) => c.format === 'name');
  return byFormat >= 0 ? byFormat : table.columnDefinitions.findIndex((c) => c.name.toLowerCase() === 'name');
}

export function tableHeader(table: Table, opts: TableOptions): string[] {
  const cols = visibleColumns(table, opts.wide).map((i) => table.columnDefinitions[i]!.name.toUpperCase());
  return [...(opts.withNamespace ? ['NAMESPACE'] : []), ...cols, ...(opts.showLabels ? ['LABELS'] : [])];
}

export function labelsText(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

export function tableRows(table: Table, opts: TableOptions): string[][] {
  const cols = visibleColumns(table, opts.wide);
  const nameCol = nameColumn(table);
  return table.rows.map((row) => {
    const meta = row.object?.metadata;
    const cells = cols.map((i) => {
      const text = cellText(row.cells[i]);
      return i === nameCol && opts.namePrefix ? opts.namePrefix + text : text;
    });
    return [
      ...(opts.withNamespace ? [meta?.namespace ?? ''] : []),
      ...cells,
      ...(opts.showLabels ? [labelsText(meta?.labels)] : []),
    ];
  });
}

/** The Table kubectl builds itself when the server returns plain objects: NAME and AGE. */
export function objectsToTable(items: readonly KubeObject[], now: Date, listMeta: ListMeta = {}): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', priority: 0 },
      { name: 'Age', type: 'string', priority: 0 },
    ],
    rows: items.map((o) => ({
      cells: [o.metadata.name ?? '', age(o.metadata.creationTimestamp, now)],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
