import { describe, expect, it } from 'vitest';
import { cellText, isTable, objectsToTable, tableHeader, tableRows } from './table.js';
import type { Table } from './table.js';

const table: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '12' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', priority: 0 },
    { name: 'Ready', type: 'string', priority: 0 },
    { name: 'Age', type: 'string', priority: 0 },
    { name: 'Images', type: 'string', priority: 1 },
  ],
  rows: [
    { cells: ['web', '1/1', '5m', 'nginx'], object: { metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } } } },
    { cells: ['api', '0/2', '10s', null], object: { metadata: { name: 'api', namespace: 'shop' } } },
  ],
};

describe('server tables', () => {
  it('recognises a Table', () => {
    expect(isTable(table)).toBe(true);
    expect(isTable({ kind: 'DeploymentList', items: [] })).toBe(false);
  });

  it('hides priority columns unless wide', () => {
    const opts = { wide: false, withNamespace: false };
    expect(tableHeader(table, opts)).toEqual(['NAME', 'READY', 'AGE']);
    expect(tableRows(table, opts)).toEqual([
      ['web', '1/1', '5m'],
      ['api', '0/2', '10s'],
    ]);
    expect(tableHeader(table, { ...opts, wide: true })).toEqual(['NAME', 'READY', 'AGE', 'IMAGES']);
    expect(tableRows(table, { ...opts, wide: true })[1]).toEqual(['api', '0/2', '10s', '<none>']);
  });

  it('adds NAMESPACE, a kind prefix on names, and LABELS', () => {
    const opts = { wide: false, withNamespace: true, namePrefix: 'deployment.apps/', showLabels: true };
    expect(tableHeader(table, opts)).toEqual(['NAMESPACE', 'NAME', 'READY', 'AGE', 'LABELS']);
    expect(tableRows(table, opts)).toEqual([
      ['default', 'deployment.apps/web', '1/1', '5m', 'app=web'],
      ['shop', 'deployment.apps/api', '0/2', '10s', '<none>'],
    ]);
  });

  it('prints cells as kubectl does', () => {
    expect(cellText(3)).toBe('3');
    expect(cellText(true)).toBe('true');
    expect(cellText(undefined)).toBe('<none>');
    expect(cellText(['a', 'b'])).toBe('a,b');
  });

  it('builds NAME/AGE tables from plain objects', () => {
    const t = objectsToTable([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: '2024-01-01T00:00:00Z' } }], new Date('2024-01-01T00:01:00Z'));
    expect(tableHeader(t, { wide: false, withNamespace: false })).toEqual(['NAME', 'AGE']);
    expect(tableRows(t, { wide: false, withNamespace: false })).toEqual([['c', '60s']]);
  });
});
