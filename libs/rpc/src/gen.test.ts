import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string, root = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of files(path, root)) out.set(k, v);
    else out.set(relative(root, path), readFileSync(path, 'utf8'));
  }
  return out;
}

describe('generated proto types', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tug-gen-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('are what proto-loader-gen-types makes from proto/ today (run `npm run gen -w @tugboat/rpc`)', () => {
    execFileSync(process.execPath, [join(pkg, 'scripts', 'gen.mjs'), tmp], { stdio: 'pipe' });
    expect(files(join(pkg, 'src', 'gen'))).toEqual(files(tmp));
  });
});
