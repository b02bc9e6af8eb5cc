/**
 * Loading manifests for `apply -f` / `delete -f` / `create -f`: files, folders (optionally
 * recursive), `-` for stdin; multi-document YAML or JSON; `kind: List` expanded into its items.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KubeObject } from '@tugboat/api';
import { parseAllDocuments } from 'yaml';
import { UsageError } from './args.js';

export interface Manifest {
  readonly object: KubeObject;
  /** the file it came from, or `STDIN` */
  readonly source: string;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkObject(value: Record<string, unknown>, source: string): KubeObject {
  const missing: string[] = [];
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') missing.push('apiVersion not set');
  if (typeof value.kind !== 'string' || value.kind === '') missing.push('kind not set');
  if (missing.length > 0) {
    const what = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`;
    throw new UsageError(`error validating "${source}": error validating data: ${what}`);
  }
  if (value.metadata !== undefined && !isObject(value.metadata)) {
    throw new UsageError(`error validating "${source}": error validating data: metadata must be an object`);
  }
  return { ...value, metadata: (value.metadata as KubeObject['metadata'] | undefined) ?? {} } as KubeObject;
}

/** Every object in one file's text, in order; List kinds flattened. */
export function parseManifests(text: string, source: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new UsageError(`error parsing ${source}: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isObject(value)) throw new UsageError(`error parsing ${source}: a document is not an object`);
    if (Object.keys(value).length === 0) continue;
    const obj = checkObject(value, source);
    if (obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      for (const item of obj.items as unknown[]) {
        if (!isObject(item)) throw new UsageError(`error parsing ${source}: a List item is not an object`);
        out.push(checkObject(item, source));
      }
    } else out.push(obj);
  }
  return out;
}

async function filesUnder(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) out.push(...(await filesUnder(path, recursive)));
    } else if (MANIFEST_EXTENSIONS.some((ext) => e.name.endsWith(ext))) out.push(path);
  }
  return out;
}

export interface LoadOptions {
  recursive?: boolean;
  readStdin(): Promise<string>;
}

export async function loadManifests(paths: readonly string[], opts: LoadOptions): Promise<Manifest[]> {
  if (paths.length === 0) throw new UsageError('must specify one of -f and -k');
  const out: Manifest[] = [];
  for (const path of paths) {
    if (path === '-') {
      const text = await opts.readStdin();
      out.push(...parseManifests(text, 'STDIN').map((object) => ({ object, source: 'STDIN' })));
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`the path "${path}" does not exist`);
    const files = info.isDirectory() ? await filesUnder(path, opts.recursive ?? false) : [path];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      out.push(...parseManifests(text, file).map((object) => ({ object, source: file })));
    }
  }
  return out;
}
