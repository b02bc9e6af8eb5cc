/** The bind: `POST pods/<name>/binding`, which the apiserver applies as a compare-and-swap on the pod. */
import { apiErrorFromStatus } from '@tugboat/api';
import type { Pod, Status } from '@tugboat/api';
import { resourcePath } from '@tugboat/client';
import type { RestClient } from '@tugboat/client';
import { PODS } from './resources.js';

export async function bindPod(client: RestClient, pod: Pod, nodeName: string): Promise<void> {
  const { namespace, name, uid } = pod.metadata;
  const binding = {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name, namespace, uid },
    target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
  };
  const res = await client.request('POST', resourcePath(PODS, { namespace, name, subresource: 'binding' }), { body: binding });
  if (res.status >= 200 && res.status < 300) return;
  throw apiErrorFromStatus(parseStatus(res.body), res.status);
}

function parseStatus(body: Buffer): Partial<Status> {
  try {
    return JSON.parse(body.toString('utf8')) as Partial<Status>;
  } catch {
    return { message: body.toString('utf8') };
  }
}
