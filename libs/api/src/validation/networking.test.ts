/** HorizontalPodAutoscaler and Ingress rules (networking.ts). */
import type { Body } from '../testing/validation.js';
import { spec, testCreates } from '../testing/validation.js';

testCreates([
  ['hpa min/max', 'HorizontalPodAutoscaler', (o) => (spec(o).minReplicas = 5), ['spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`']],
  ['ingress pathType', 'Ingress', (o) => delete ((((spec(o).rules as Body[])[0]!.http as Body).paths as Body[])[0]!.pathType), [
    'spec.rules[0].http.paths[0].pathType: Unsupported value: "": supported values: "Exact", "ImplementationSpecific", "Prefix"',
  ]],
]);
