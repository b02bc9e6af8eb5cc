/**
 * Which container a pods/log or pods/exec request means, and whether it can serve logs yet: the
 * apiserver's LogLocation/ExecLocation checks and the kubelet's validateContainerLogStatus, with
 * their messages, so kubectl prints what it prints against Kubernetes.
 */
import { ApiError } from '@tugboat/api';
import type { ContainerStatus, Pod } from '@tugboat/api';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

function names(list: readonly { name: string }[] | undefined): string[] {
  return (list ?? []).map((c) => c.name);
}

function allContainerNames(pod: Pod): string[] {
  return [...names(pod.spec?.containers), ...names(pod.spec?.initContainers), ...names(pod.spec?.ephemeralContainers)];
}

/**
 * The requested container, else the default-container annotation, else the only container.
 * BadRequest when the pod has several and none was chosen, or when the name is not the pod's.
 */
export function resolveContainer(pod: Pod, requested: string | undefined): string {
  const podName = pod.metadata.name ?? '';
  if (requested) {
    if (!allContainerNames(pod).includes(requested)) throw new ApiError('BadRequest', `container ${requested} is not valid for pod ${podName}`);
    return requested;
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && allContainerNames(pod).includes(annotated)) return annotated;
  const containers = names(pod.spec?.containers);
  if (containers.length === 1) return containers[0]!;
  if (containers.length === 0) throw new ApiError('BadRequest', `a container name must be specified for pod ${podName}`);
  const init = names(pod.spec?.initContainers);
  const initHint = init.length > 0 ? ` or one of the init containers: [${init.join(' ')}]` : '';
  throw new ApiError('BadRequest', `a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]${initHint}`);
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
  const s = pod.status;
  return [...(s?.containerStatuses ?? []), ...(s?.initContainerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
}

function waitingToStart(container: string, pod: string, why: string): ApiError {
  return new ApiError('BadRequest', `container "${container}" in pod "${pod}" is waiting to start: ${why}`);
}

/** The pod's node, or BadRequest while the scheduler has not placed it. */
export function boundNode(pod: Pod, container: string): string {
  const node = pod.spec?.nodeName;
  if (!node) throw waitingToStart(container, pod.metadata.name ?? '', 'ContainerCreating');
  return node;
}

/**
 * BadRequest unless the container has (or, with previous, had) a container to read logs from,
 * judged from the status the agent last reported.
 */
export function checkLogsAvailable(pod: Pod, container: string, previous: boolean): void {
  const podName = pod.metadata.name ?? '';
  const status = statusOf(pod, container);
  // the agent has not reported this container yet: it is being created
  if (!status) throw waitingToStart(container, podName, 'ContainerCreating');
  const { running, terminated, waiting } = status.state ?? {};
  const last = status.lastState?.terminated;
  if (previous) {
    if (!last) throw new ApiError('BadRequest', `previous terminated container "${container}" in pod "${podName}" not found`);
    return;
  }
  if (running || terminated || last) return;
  const reason = waiting?.reason;
  switch (reason) {
    case 'ErrImagePull':
      throw waitingToStart(container, podName, "image can't be pulled");
    case 'ImagePullBackOff':
      throw waitingToStart(container, podName, 'trying and failing to pull image');
    case undefined:
    case '':
      throw new ApiError('BadRequest', `container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
    default:
      throw waitingToStart(container, podName, reason);
  }
}

/** BadRequest unless the container is running: exec needs a live process namespace. */
export function checkExecAvailable(pod: Pod, container: string): void {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new ApiError('BadRequest', `cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  if (!statusOf(pod, container)?.state?.running) {
    throw new ApiError('BadRequest', `unable to upgrade connection: container not found ("${container}")`);
  }
}
