/** autoscaling/v2 HorizontalPodAutoscalers: REFERENCE TARGETS MINPODS MAXPODS REPLICAS. */
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, MetricTarget, MetricValueStatus } from '@tugboat/api';
import { NONE, UNSET, listWithMore } from './format.js';
import { AGE_COLUMN, NAME_COLUMN, ageOf, column, definePrinter, nameOf } from './printer.js';

const UNKNOWN = '<unknown>';

/** `current/target` for a target given as a value or an average value (`(avg)` for non-resource metrics). */
function valueTarget(target: MetricTarget | undefined, current: MetricValueStatus | undefined, avgSuffix: boolean): string {
  if (target?.averageValue !== undefined) {
    return `${current?.averageValue ?? UNKNOWN}/${target.averageValue}${avgSuffix ? ' (avg)' : ''}`;
  }
  return `${current?.value ?? UNKNOWN}/${target?.value ?? ''}`;
}

/** `cpu: 40%/80%` for utilization, `memory: 100Mi/200Mi` for an average value. */
function resourceTarget(name: string, target: MetricTarget | undefined, current: MetricValueStatus | undefined): string {
  if (target?.averageValue !== undefined) return `${name}: ${current?.averageValue ?? UNKNOWN}/${target.averageValue}`;
  const cur = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : UNKNOWN;
  const want = target?.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${cur}/${want}`;
}

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueTarget(spec.external?.target, status?.external?.current, true);
    case 'Object':
      return valueTarget(spec.object?.target, status?.object?.current, true);
    case 'Pods':
      return `${status?.pods?.current.averageValue ?? UNKNOWN}/${spec.pods?.target.averageValue ?? ''}`;
    case 'Resource':
      return resourceTarget(spec.resource?.name ?? '', spec.resource?.target, status?.resource?.current);
    case 'ContainerResource':
      return resourceTarget(spec.containerResource?.name ?? '', spec.containerResource?.target, status?.containerResource?.current);
    default:
      return '<unknown type>';
  }
}

/** TARGETS: the first two metrics as `current/target`, then `+ N more...`; `<none>` without metrics. */
export function formatHPAMetrics(hpa: HorizontalPodAutoscaler): string {
  const specs = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return NONE;
  const statuses = hpa.status?.currentMetrics ?? [];
  return listWithMore(
    specs.map((s, i) => formatMetric(s, statuses[i])),
    2,
    specs.length,
    ', ',
  );
}

export const hpaPrinter = definePrinter<HorizontalPodAutoscaler>(
  [
    NAME_COLUMN,
    column('Reference', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    column('Targets', 'metrics contains the specifications for which to use to calculate the desired replica count.'),
    column('MinPods', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    column('MaxPods', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    column('Replicas', 'current number of replicas of pods managed by this autoscaler.'),
    AGE_COLUMN,
  ],
  (hpa, now) => [
    nameOf(hpa),
    `${hpa.spec?.scaleTargetRef.kind ?? ''}/${hpa.spec?.scaleTargetRef.name ?? ''}`,
    formatHPAMetrics(hpa),
    hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : UNSET,
    hpa.spec?.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    ageOf(hpa, now),
  ],
);
