/**
 * What a pod asks of a node, computed as Kubernetes' resource helpers (PodRequests) do:
 * regular containers run together (sum); classic init containers run one at a time before them
 * (max); sidecars (init containers with restartPolicy Always) keep running, so they add to both
 * the containers' sum and every later init container; pod overhead comes on top.
 */
import type { Container, Pod } from '@tugboat/api';
import { ZERO, add, max, resourcesOf } from './resources.js';
import type { Resources } from './resources.js';

/** The defaults the scoring plugins assume for containers that request nothing (schedutil.DefaultMilliCPURequest, DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type PerContainer = (c: Container) => Resources;

const declared: PerContainer = (c) => resourcesOf(c.resources?.requests);

const nonZero: PerContainer = (c) => {
  const r = declared(c);
  return {
    milliCpu: r.milliCpu === 0 ? DEFAULT_MILLI_CPU_REQUEST : r.milliCpu,
    memory: r.memory === 0 ? DEFAULT_MEMORY_REQUEST : r.memory,
  };
};

function podRequestsWith(pod: Pod, perContainer: PerContainer): Resources {
  const spec = pod.spec;
  let reqs = (spec?.containers ?? []).map(perContainer).reduce(add, ZERO);
  let sidecars: Resources = ZERO;
  let initMax: Resources = ZERO;
  for (const c of spec?.initContainers ?? []) {
    let during = perContainer(c);
    if (c.restartPolicy === 'Always') {
      reqs = add(reqs, during);
      sidecars = add(sidecars, during);
      during = sidecars;
    } else {
      during = add(during, sidecars);
    }
    initMax = max(initMax, during);
  }
  return add(max(reqs, initMax), resourcesOf(spec?.overhead));
}

/** The requests the fit filter checks against allocatable. */
export function podRequests(pod: Pod): Resources {
  return podRequestsWith(pod, declared);
}

/** The requests the allocation scorers use: containers without requests count as 100m / 200Mi. */
export function podNonZeroRequests(pod: Pod): Resources {
  return podRequestsWith(pod, nonZero);
}
