/** What a fresh cluster has before anyone writes: the system namespaces. Idempotent. */
import type { KubeObject } from '@tugboat/api';
import { isApiError } from '@tugboat/api';
import type { Storage } from './storage/storage.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function bootstrap(storage: Storage): Promise<void> {
  const namespaces = storage.byKind('Namespace');
  for (const name of SYSTEM_NAMESPACES) {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    try {
      await namespaces.create(undefined, ns);
    } catch (err) {
      if (!isApiError(err, 'AlreadyExists')) throw err;
    }
  }
}
