/** Which printer serves which resource, keyed by group and plural (metrics.k8s.io reuses `pods` and `nodes`). */
import type { ResourceInfo } from '@tugboat/api';
import { hpaPrinter } from './autoscaling.js';
import { cronJobPrinter, jobPrinter } from './batch.js';
import { eventPrinter } from './events.js';
import { configMapPrinter, leasePrinter, namespacePrinter, pvcPrinter, secretPrinter } from './misc.js';
import { nodePrinter } from './nodes.js';
import { podPrinter } from './pods.js';
import { defaultPrinter } from './printer.js';
import { endpointsPrinter, ingressPrinter, servicePrinter } from './services.js';
import type { Printer } from './types.js';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './workloads.js';

export const PRINTERS: ReadonlyMap<string, Printer> = new Map([
  ['/pods', podPrinter],
  ['/services', servicePrinter],
  ['/endpoints', endpointsPrinter],
  ['/configmaps', configMapPrinter],
  ['/secrets', secretPrinter],
  ['/namespaces', namespacePrinter],
  ['/nodes', nodePrinter],
  ['/events', eventPrinter],
  ['/persistentvolumeclaims', pvcPrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['apps/statefulsets', statefulSetPrinter],
  ['apps/daemonsets', daemonSetPrinter],
  ['batch/jobs', jobPrinter],
  ['batch/cronjobs', cronJobPrinter],
  ['autoscaling/horizontalpodautoscalers', hpaPrinter],
  ['networking.k8s.io/ingresses', ingressPrinter],
  ['coordination.k8s.io/leases', leasePrinter],
]);

/** The printer for a resource; NAME AGE for any resource without one. */
export function printerFor(info: Pick<ResourceInfo, 'group' | 'resource'>): Printer {
  return PRINTERS.get(`${info.group}/${info.resource}`) ?? defaultPrinter;
}
