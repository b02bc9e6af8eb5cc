/** apps/v1 workloads: Deployments, ReplicaSets, StatefulSets, DaemonSets. */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from '@tugboat/api';
import { containerCells, formatLabelSelector, formatLabels, selectorString } from './format.js';
import { AGE_COLUMN, NAME_COLUMN, TEMPLATE_COLUMNS, ageOf, column, definePrinter, nameOf, wideColumn } from './printer.js';

/** spec.replicas as defaulting leaves it: 1 when unset. */
function desired(spec: { replicas?: number } | undefined): number {
  return spec?.replicas ?? 1;
}

const READY_RATIO = column('Ready', 'Number of the pod with ready state');

export const deploymentPrinter = definePrinter<Deployment>(
  [
    NAME_COLUMN,
    READY_RATIO,
    column('Up-to-date', 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    wideColumn('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.'),
  ],
  (d, now) => [
    nameOf(d),
    `${d.status?.readyReplicas ?? 0}/${desired(d.spec)}`,
    d.status?.updatedReplicas ?? 0,
    d.status?.availableReplicas ?? 0,
    ageOf(d, now),
    ...containerCells(d.spec?.template),
    selectorString(d.spec?.selector) ?? '<invalid>',
  ],
);

export const replicaSetPrinter = definePrinter<ReplicaSet>(
  [
    NAME_COLUMN,
    column('Desired', 'Replicas is the number of desired pods.', { type: 'integer' }),
    column('Current', 'Replicas is the most recently observed number of non-terminating pods.', { type: 'integer' }),
    column('Ready', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.', { type: 'integer' }),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    wideColumn('Selector', 'Selector is a label query over pods that should match the replica count.'),
  ],
  (rs, now) => [
    nameOf(rs),
    desired(rs.spec),
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    ageOf(rs, now),
    ...containerCells(rs.spec?.template),
    formatLabelSelector(rs.spec?.selector),
  ],
);

export const statefulSetPrinter = definePrinter<StatefulSet>(
  [NAME_COLUMN, READY_RATIO, AGE_COLUMN, ...TEMPLATE_COLUMNS],
  (sts, now) => [
    nameOf(sts),
    `${sts.status?.readyReplicas ?? 0}/${desired(sts.spec)}`,
    ageOf(sts, now),
    ...containerCells(sts.spec?.template),
  ],
);

const integer = (name: string, description: string) => column(name, description, { type: 'integer' });

export const daemonSetPrinter = definePrinter<DaemonSet>(
  [
    NAME_COLUMN,
    integer('Desired', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).'),
    integer('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    integer('Ready', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    integer('Up-to-date', 'The total number of nodes that are running updated daemon pod'),
    integer('Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    column('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
    AGE_COLUMN,
    ...TEMPLATE_COLUMNS,
    wideColumn('Selector', 'A label query over pods that are managed by the daemon set.'),
  ],
  (ds, now) => [
    nameOf(ds),
    ds.status?.desiredNumberScheduled ?? 0,
    ds.status?.currentNumberScheduled ?? 0,
    ds.status?.numberReady ?? 0,
    ds.status?.updatedNumberScheduled ?? 0,
    ds.status?.numberAvailable ?? 0,
    formatLabels(ds.spec?.template.spec?.nodeSelector),
    ageOf(ds, now),
    ...containerCells(ds.spec?.template),
    formatLabelSelector(ds.spec?.selector),
  ],
);
