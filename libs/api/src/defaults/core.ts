/** Defaults of the small core/v1 kinds: Namespace, Secret, Node. */
import type { KubeObject } from '../types/meta.js';
import { isRecord, recAt, setDefault, setDefaultString } from '../validation/narrow.js';
import { stringifyQuantities } from './quantities.js';

export function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata.name;
  // SetDefaults_Namespace: every named namespace carries its own name as a label, for selectors.
  if (name) ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': name };
  // The namespace strategy adds the `kubernetes` finalizer that the namespace controller removes.
  setDefault(ns, 'spec', {});
  const spec = recAt(ns, 'spec');
  if (spec && (!Array.isArray(spec.finalizers) || spec.finalizers.length === 0)) spec.finalizers = ['kubernetes'];
  setDefault(ns, 'status', {});
  const status = recAt(ns, 'status');
  if (status) setDefaultString(status, 'phase', 'Active');
}

export function defaultSecret(secret: KubeObject): void {
  setDefaultString(secret, 'type', 'Opaque');
}

export function defaultNode(node: KubeObject): void {
  const status = recAt(node, 'status');
  if (!status) return;
  stringifyQuantities(status, 'capacity');
  stringifyQuantities(status, 'allocatable');
  // SetDefaults_NodeStatus: allocatable is capacity unless the node says otherwise.
  if (isRecord(status.capacity) && !isRecord(status.allocatable)) status.allocatable = { ...status.capacity };
}
