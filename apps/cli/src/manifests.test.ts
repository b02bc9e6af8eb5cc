import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifests, parseManifests } from './manifests.js';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

describe('parseManifests', () => {
  it('reads multi-document YAML, skipping empty documents', () => {
    const objs = parseManifests(`---\n${CM}---\n# just a comment\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n`, 'x.yaml');
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ConfigMap/a', 'Secret/b']);
  });

  it('reads JSON and flattens List kinds', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }] });
    expect(parseManifests(list, 'l.json').map((o) => o.metadata.name)).toEqual(['x']);
  });

  it('fills in missing metadata', () => {
    expect(parseManifests('apiVersion: v1\nkind: Namespace\n', 'n.yaml')[0]!.metadata).toEqual({});
  });

  it('names the file and the problem', () => {
    expect(() => parseManifests('kind: ConfigMap\n', 'bad.yaml')).toThrow('error validating "bad.yaml": error validating data: apiVersion not set');
    expect(() => parseManifests('metadata: {}\n', 'bad.yaml')).toThrow('[apiVersion not set, kind not set]');
    expect(() => parseManifests('a: [\n', 'bad.yaml')).toThrow(/^error parsing bad.yaml/);
    expect(() => parseManifests('- 1\n- 2\n', 'bad.yaml')).toThrow(/not an object/);
  });
});

describe('loadManifests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tug-manifests-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'b.yaml'), CM.replace('name: a', 'name: b'));
    await writeFile(join(dir, 'a.yml'), CM);
    await writeFile(join(dir, 'notes.txt'), 'not a manifest');
    await writeFile(join(dir, 'sub', 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const noStdin = { readStdin: () => Promise.reject(new Error('no stdin')) };

  it('reads a folder in name order, recursing only with -R', async () => {
    expect((await loadManifests([dir], noStdin)).map((m) => m.object.metadata.name)).toEqual(['a', 'b']);
    const all = await loadManifests([dir], { ...noStdin, recursive: true });
    expect(all.map((m) => m.object.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(all[2]!.source).toBe(join(dir, 'sub', 'c.json'));
  });

  it('reads stdin for -', async () => {
    const got = await loadManifests(['-'], { readStdin: () => Promise.resolve(CM) });
    expect(got).toEqual([{ object: expect.objectContaining({ kind: 'ConfigMap' }) as unknown, source: 'STDIN' }]);
  });

  it('reports a missing path', async () => {
    await expect(loadManifests([join(dir, 'nope.yaml')], noStdin)).rejects.toThrow(/the path ".*nope.yaml" does not exist/);
  });
});
