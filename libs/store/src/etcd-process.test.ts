/** startEtcd: the etcd it starts does not outlive its owner, even one that exits without close(). */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

async function answers(endpoint: string): Promise<boolean> {
  return fetch(`${endpoint}/health`).then(
    (r) => r.ok,
    () => false,
  );
}

describe('startEtcd', () => {
  it('kills its etcd when the owning process exits without close()', async () => {
    const index = fileURLToPath(new URL('./index.ts', import.meta.url));
    const script = `
      import { startEtcd } from ${JSON.stringify(index)};
      const etcd = await startEtcd();
      console.log(JSON.stringify({ endpoint: etcd.endpoint, dataDir: etcd.dataDir }));
      process.exit(0);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@tugboat/source', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const { endpoint, dataDir } = JSON.parse(out.trim()) as { endpoint: string; dataDir: string };
    try {
      await expect.poll(() => answers(endpoint), { timeout: 5_000 }).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
