/** The admin kubeconfig the server writes (`--write-kubeconfig`): kubectl and tug use it unchanged. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export function adminKubeconfig(server: string, caPem: string, token: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'tugboat', cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: 'tugboat-admin', user: { token } }],
    contexts: [{ name: 'tugboat', context: { cluster: 'tugboat', user: 'tugboat-admin', namespace: 'default' } }],
    'current-context': 'tugboat',
    preferences: {},
  });
}

export async function writeKubeconfig(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, { mode: 0o600 });
}
