/** Which container `logs` and `exec` address when -c is not given, as kubectl chooses it. */
import type { Pod } from '@tugboat/api';
import { UsageError } from './args.js';
import type { Writer } from './command.js';

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** -c, else the default-container annotation, else the only (or, with a notice on stderr, the first) container. */
export function chooseContainer(pod: Pod, requested: string | undefined, stderr: Writer): string | undefined {
  if (requested) return requested;
  const containers = pod.spec?.containers ?? [];
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  const first = containers[0]?.name;
  if (containers.length > 1 && first) {
    const all = [
      ...containers.map((c) => c.name),
      ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
      ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ];
    stderr.write(`Defaulted container "${first}" out of: ${all.join(', ')}\n`);
  }
  return first;
}

/** `web`, `pod/web`, `pods/web` or `po/web` → `web`. */
export function podName(arg: string): string {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  const type = arg.slice(0, slash).toLowerCase();
  if (!['pod', 'pods', 'po'].includes(type)) throw new UsageError(`only pods are supported here, not "${arg.slice(0, slash)}"`);
  return arg.slice(slash + 1);
}
