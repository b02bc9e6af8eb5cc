/** Turning objects into a meta.k8s.io/v1 Table, with the row objects kubectl uses for -A, --show-labels and -L. */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { printerFor } from './registry.js';
import type { IncludeObject, PartialObjectMetadata, Table, TableOptions, TableRow } from './types.js';

function rowObject(obj: KubeObject, include: IncludeObject): KubeObject | PartialObjectMetadata | undefined {
  switch (include) {
    case 'None':
      return undefined;
    case 'Object':
      return obj;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
  }
}

/**
 * One row per object, in the order given, with every column (wide ones too: kubectl hides priority>0
 * columns itself unless `-o wide`). For a watch event, pass the one object to get a one-row Table.
 */
export function toTable(info: ResourceInfo, objects: readonly KubeObject[], opts: TableOptions): Table {
  const printer = printerFor(info);
  const include = opts.includeObject ?? 'Metadata';
  const rows = objects.map((obj): TableRow => {
    const object = rowObject(obj, include);
    const cells = printer.cells(obj, opts.now);
    return object === undefined ? { cells } : { cells, object };
  });
  const metadata: Table['metadata'] = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
