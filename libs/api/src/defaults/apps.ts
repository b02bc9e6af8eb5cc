/** apps/v1 defaults: Deployment, ReplicaSet, StatefulSet, DaemonSet (SetDefaults_* in pkg/apis/apps/v1). */
import type { KubeObject } from '../types/meta.js';
import { recAt, recItems, setDefault, setDefaultString, type Rec } from '../validation/narrow.js';
import { defaultPodTemplate } from './pod.js';
import { defaultPersistentVolumeClaim } from './storage.js';

/** A strategy object `{type, rollingUpdate}` whose rollingUpdate gets defaults when the type is RollingUpdate. */
function defaultRollingStrategy(spec: Rec, key: string, rolling: Readonly<Record<string, unknown>>): void {
  setDefault(spec, key, {});
  const strategy = recAt(spec, key);
  if (!strategy) return;
  setDefaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type !== 'RollingUpdate') return;
  setDefault(strategy, 'rollingUpdate', {});
  const ru = recAt(strategy, 'rollingUpdate');
  if (ru) for (const [k, v] of Object.entries(rolling)) setDefault(ru, k, v);
}

/** The common part: replicas, revision history, and the pod template. */
function defaultWorkloadSpec(obj: KubeObject, opts: { replicas: boolean; history: boolean }): Rec | undefined {
  const spec = recAt(obj, 'spec');
  if (!spec) return undefined;
  if (opts.replicas) setDefault(spec, 'replicas', 1);
  if (opts.history) setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
  return spec;
}

export function defaultDeployment(obj: KubeObject): void {
  const spec = defaultWorkloadSpec(obj, { replicas: true, history: true });
  if (!spec) return;
  defaultRollingStrategy(spec, 'strategy', { maxUnavailable: '25%', maxSurge: '25%' });
  setDefault(spec, 'progressDeadlineSeconds', 600);
}

export function defaultReplicaSet(obj: KubeObject): void {
  defaultWorkloadSpec(obj, { replicas: true, history: false });
}

export function defaultStatefulSet(obj: KubeObject): void {
  const spec = defaultWorkloadSpec(obj, { replicas: true, history: true });
  if (!spec) return;
  setDefaultString(spec, 'podManagementPolicy', 'OrderedReady');
  defaultRollingStrategy(spec, 'updateStrategy', { partition: 0 });
  setDefault(spec, 'persistentVolumeClaimRetentionPolicy', {});
  const retention = recAt(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention) {
    setDefaultString(retention, 'whenDeleted', 'Retain');
    setDefaultString(retention, 'whenScaled', 'Retain');
  }
  for (const [claim] of recItems(spec, 'volumeClaimTemplates')) {
    // v1 conversion stamps the claim templates with their type, as `kubectl get sts -o yaml` shows.
    setDefaultString(claim, 'apiVersion', 'v1');
    setDefaultString(claim, 'kind', 'PersistentVolumeClaim');
    defaultPersistentVolumeClaim(claim);
  }
}

export function defaultDaemonSet(obj: KubeObject): void {
  const spec = defaultWorkloadSpec(obj, { replicas: false, history: true });
  if (spec) defaultRollingStrategy(spec, 'updateStrategy', { maxUnavailable: 1, maxSurge: 0 });
}
