/** meta.k8s.io/v1 Table: what `kubectl get` asks for with `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`. */
import type { KubeObject, ObjectMeta } from '@tugboat/api';

/** OpenAPI type of a column's cells; kubectl only uses it to align and to format. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface TableColumnDefinition {
  name: string;
  type: ColumnType;
  /** `name` on the column that holds the object's name; otherwise empty. */
  format: string;
  description: string;
  /** 0: always shown; 1: only with `-o wide`. */
  priority: number;
}

export type Cell = string | number | boolean;

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: Cell[];
  /** absent when the request asked for includeObject=None */
  object?: KubeObject | PartialObjectMetadata;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** The `includeObject` query parameter; Metadata is Kubernetes' default. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** the clock for every AGE-like cell, so a whole table is computed at one instant */
  now: Date;
  includeObject?: IncludeObject;
  resourceVersion?: string;
  continue?: string;
}

/** How one resource prints: its columns, and a row of cells per object (always the wide row, as the apiserver does). */
export interface Printer {
  readonly columns: readonly TableColumnDefinition[];
  cells(obj: KubeObject, now: Date): Cell[];
}
