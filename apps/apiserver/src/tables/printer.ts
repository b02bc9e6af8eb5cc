/** Building blocks every printer shares: column definitions and the typed printer constructor. */
import type { KubeObject } from '@tugboat/api';
import { since } from '@tugboat/api';
import type { Cell, ColumnType, Printer, TableColumnDefinition } from './types.js';

interface ColumnOptions {
  type?: ColumnType;
  /** 1 for columns shown only with `-o wide` */
  priority?: number;
  format?: string;
}

export function column(name: string, description: string, opts: ColumnOptions = {}): TableColumnDefinition {
  return { name, type: opts.type ?? 'string', format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** A column shown only with `-o wide`. */
export function wideColumn(name: string, description: string, type: ColumnType = 'string'): TableColumnDefinition {
  return column(name, description, { type, priority: 1 });
}

export const NAME_COLUMN = column(
  'Name',
  'Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  { format: 'name' },
);

export const AGE_COLUMN = column(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
);

/** The Containers and Images wide columns of every workload with a pod template. */
export const TEMPLATE_COLUMNS: readonly TableColumnDefinition[] = [
  wideColumn('Containers', 'Names of each container in the template.'),
  wideColumn('Images', 'Images referenced by each container in the template.'),
];

/**
 * A printer for one kind. `cells` receives the object already narrowed to its typed kind: objects reach the
 * printers from storage, where admission has validated them against that kind, so this is the one cast.
 */
export function definePrinter<T extends KubeObject>(
  columns: readonly TableColumnDefinition[],
  cells: (obj: T, now: Date) => Cell[],
): Printer {
  return { columns, cells: (obj, now) => cells(obj as T, now) };
}

/** The object's name and age, the two cells every printer has. */
export function nameOf(obj: KubeObject): string {
  return obj.metadata.name ?? '';
}

export function ageOf(obj: KubeObject, now: Date): string {
  return since(obj.metadata.creationTimestamp, now);
}

/** Any kind without a printer of its own: NAME AGE. */
export const defaultPrinter = definePrinter<KubeObject>([NAME_COLUMN, AGE_COLUMN], (obj, now) => [nameOf(obj), ageOf(obj, now)]);
