/** autoscaling/v2 HorizontalPodAutoscaler defaults (SetDefaults_HorizontalPodAutoscaler and its behavior rules). */
import type { KubeObject } from '../types/meta.js';
import { recAt, setDefault, type Rec } from '../validation/narrow.js';

const DEFAULT_CPU_UTILIZATION = 80;

/** Behavior rules when given: scale up fast (4 pods or 100% per 15 s), scale down 100% per 15 s. */
const RULES: Readonly<Record<'scaleUp' | 'scaleDown', Readonly<Rec>>> = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  },
  // stabilizationWindowSeconds stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization (300 s) applies.
  scaleDown: {
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  },
};

export function defaultHorizontalPodAutoscaler(hpa: KubeObject): void {
  const spec = recAt(hpa, 'spec');
  if (!spec) return;
  setDefault(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } },
    ];
  }
  const behavior = recAt(spec, 'behavior');
  if (!behavior) return;
  for (const dir of ['scaleUp', 'scaleDown'] as const) {
    setDefault(behavior, dir, {});
    const rules = recAt(behavior, dir);
    if (rules) for (const [k, v] of Object.entries(RULES[dir])) setDefault(rules, k, structuredClone(v));
  }
}
