/**
 * Server-side Table printers: the columns `kubectl get` shows for every kind Tugboat serves.
 *
 *   if (wantsTable(req.headers.accept)) body = toTable(info, items, { now: new Date(), includeObject, resourceVersion });
 */
export { wantsTable } from './accept.js';
export { humanDuration, since } from '@tugboat/api';
export { printerFor } from './registry.js';
export { toTable } from './table.js';
export type {
  Cell,
  ColumnType,
  IncludeObject,
  PartialObjectMetadata,
  Printer,
  Table,
  TableColumnDefinition,
  TableOptions,
  TableRow,
} from './types.js';
