import { RESOURCES, resourceFor } from '@tugboat/api';
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { printerFor, toTable } from './index.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const pods = resourceFor('', 'v1', 'pods') as ResourceInfo;
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, creationTimestamp: '2025-01-01T11:55:00Z', resourceVersion: '12' },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  status: { phase: 'Pending' },
};

describe('toTable', () => {
  it('answers the shape kubectl reads, with PartialObjectMetadata rows by default', () => {
    const table = toTable(pods, [pod], { now: NOW, resourceVersion: '42' });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '42' });
    expect(table.columnDefinitions[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
    expect(table.rows).toEqual([
      { cells: ['web', '0/1', 'Pending', '0', '5m', '<none>', '<none>', '<none>', '<none>'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata } },
    ]);
  });

  it.each([
    ['Object', pod],
    ['Metadata', { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata }],
  ] as const)('includeObject=%s', (includeObject, object) => {
    expect(toTable(pods, [pod], { now: NOW, includeObject }).rows[0]?.object).toEqual(object);
  });

  it('includeObject=None omits the object', () => {
    const row = toTable(pods, [pod], { now: NOW, includeObject: 'None' }).rows[0];
    expect(row).toEqual({ cells: expect.any(Array) });
    expect(row && 'object' in row).toBe(false);
  });

  it('an empty list still carries the columns; no resourceVersion → empty metadata', () => {
    const table = toTable(pods, [], { now: NOW });
    expect(table.rows).toEqual([]);
    expect(table.columnDefinitions).toHaveLength(9);
    expect(table.metadata).toEqual({});
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it('kinds without a printer get NAME AGE', () => {
    const info: ResourceInfo = { ...pods, group: 'example.com', resource: 'widgets', kind: 'Widget' };
    const table = toTable(info, [{ ...pod, kind: 'Widget' }], { now: NOW });
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(table.rows[0]?.cells).toEqual(['web', '5m']);
  });
});

describe('every served resource', () => {
  it.each(RESOURCES.map((info) => [`${info.group || 'core'}/${info.resource}`, info] as const))('%s prints a row per column, even for a bare object', (_name, info) => {
    const printer = printerFor(info);
    const bare: KubeObject = { apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, metadata: { name: 'bare' } };
    const cells = printer.cells(bare, NOW);
    expect(cells).toHaveLength(printer.columns.length);
    expect(cells).toContain('bare');
    for (const c of cells) expect(['string', 'number', 'boolean']).toContain(typeof c);
    const nameColumns = printer.columns.filter((c) => c.format === 'name');
    expect(nameColumns).toHaveLength(1);
    if (info.kind !== 'Event') expect(printer.columns[0]?.format).toBe('name');
  });

  it('metrics.k8s.io pods and nodes are not printed as core pods and nodes', () => {
    const metricsPods = RESOURCES.find((r) => r.group === 'metrics.k8s.io' && r.resource === 'pods') as ResourceInfo;
    expect(printerFor(metricsPods).columns.map((c) => c.name)).toEqual(['Name', 'Age']);
  });
});
