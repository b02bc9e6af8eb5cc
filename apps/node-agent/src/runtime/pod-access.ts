/**
 * Finding a pod's container for logs and exec, with the API's errors: NotFound for an unknown pod,
 * BadRequest for a container that is not in the pod or has no instance to serve.
 */
import type { Pod } from '@tugboat/api';
import { errors } from '@tugboat/api';
import type { ObserveContext, ObservedContainer } from '../docker/observe.js';
import { observePod } from '../docker/observe.js';
import { instancesOf } from './status.js';
import type { ContainerRef } from './types.js';

export function findPod(pods: Iterable<Pod>, ref: ContainerRef): Pod {
  for (const pod of pods) {
    if ((pod.metadata.namespace ?? 'default') === ref.namespace && pod.metadata.name === ref.name) return pod;
  }
  throw errors.notFound('pods', '', ref.name);
}

/** The spec container a request means: the named one, or the only one. */
export function chooseContainer(pod: Pod, ref: ContainerRef): { name: string; kind: 'init' | 'app' } {
  const app = (pod.spec?.containers ?? []).map((c) => c.name);
  const init = (pod.spec?.initContainers ?? []).map((c) => c.name);
  if (!ref.container) {
    if (app.length === 1 && app[0]) return { name: app[0], kind: 'app' };
    throw errors.badRequest(`a container name must be specified for pod ${ref.name}, choose one of: [${app.join(' ')}] or one of the init containers: [${init.join(' ')}]`);
  }
  if (app.includes(ref.container)) return { name: ref.container, kind: 'app' };
  if (init.includes(ref.container)) return { name: ref.container, kind: 'init' };
  throw errors.badRequest(`container ${ref.container} is not valid for pod ${ref.name}`);
}

export async function containerInstance(observe: ObserveContext, pod: Pod, ref: ContainerRef, previous: boolean): Promise<ObservedContainer> {
  const chosen = chooseContainer(pod, ref);
  const observed = await observePod(observe, pod.metadata.uid ?? '');
  const { latest, previous: before } = instancesOf(observed, chosen.name, chosen.kind);
  const target = previous ? before : latest;
  if (target) return target;
  throw errors.badRequest(previous
    ? `previous terminated container "${chosen.name}" in pod "${ref.name}" not found`
    : `container "${chosen.name}" in pod "${ref.name}" is waiting to start: ContainerCreating`);
}
