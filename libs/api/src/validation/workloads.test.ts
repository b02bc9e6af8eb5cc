/** apps/v1 rules (workloads.ts): Deployment and StatefulSet. */
import type { Body } from '../testing/validation.js';
import { spec, testCreates, testUpdates, tplSpec } from '../testing/validation.js';

testCreates([
  ['negative replicas', 'Deployment', (o) => (spec(o).replicas = -1), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
  ['selector required', 'Deployment', (o) => delete spec(o).selector, ['spec.selector: Required value']],
  ['selector must match', 'Deployment', (o) => (spec(o).selector = { matchLabels: { app: 'other' } }), [
    'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
  ]],
  ['maxUnavailable and maxSurge both 0', 'Deployment', (o) => (spec(o).strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } }), [
    'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
  ]],
  ['Recreate with rollingUpdate', 'Deployment', (o) => ((spec(o).strategy as Body).type = 'Recreate'), [
    "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  ]],
  ['template restartPolicy', 'Deployment', (o) => (tplSpec(o).restartPolicy = 'Never'), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
  ['statefulset claim names count as volumes', 'StatefulSet', (o) => {
    spec(o).volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
    (tplSpec(o).containers as Body[])[0]!.volumeMounts = [{ name: 'www', mountPath: '/w' }];
  }, []],
]);

testUpdates([
  ['deployment selector', 'Deployment', (o) => {
    spec(o).selector = { matchLabels: { app: 'web', v: '2' } };
    ((spec(o).template as Body).metadata as Body).labels = { app: 'web', v: '2' };
  }, ['spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable']],
  ['deployment replicas may change', 'Deployment', (o) => (spec(o).replicas = 5), []],
]);
