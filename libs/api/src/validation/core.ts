/** Validation of the small core/v1 kinds: Namespace, Node, Event; and coordination/v1 Lease. */
import type { Event, Namespace, Node } from '../types/core.js';
import type { Lease } from '../types/coordination.js';
import { duplicates, nameErrors, nonNegative, oneOf, positive } from './checks.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isCIDR, isQualifiedName } from './names.js';

export function validateNamespace(ns: Namespace): FieldError[] {
  const path = FieldPath.root('spec').child('finalizers');
  const finalizers = ns.spec?.finalizers ?? [];
  return [...finalizers.flatMap((f, i) => nameErrors(path.index(i), f, isQualifiedName)), ...validateNamespaceStatus(ns)];
}

export function validateNamespaceStatus(ns: Namespace): FieldError[] {
  return oneOf(FieldPath.root('status').child('phase'), ns.status?.phase, ['Active', 'Terminating']);
}

export function validateNode(node: Node): FieldError[] {
  const spec = FieldPath.root('spec');
  const errs: FieldError[] = [];
  const cidrs = [...(node.spec?.podCIDR ? [node.spec.podCIDR] : []), ...(node.spec?.podCIDRs ?? [])];
  for (const cidr of cidrs) if (!isCIDR(cidr)) errs.push(fieldError.invalid(spec.child('podCIDR'), cidr, 'must be a valid CIDR'));
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = spec.child('taints').index(i);
    errs.push(...nameErrors(p.child('key'), t.key ?? '', isQualifiedName));
    errs.push(...oneOf(p.child('effect'), t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], true));
  });
  errs.push(...duplicates((node.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`), (i) => spec.child('taints').index(i)));
  errs.push(...validateNodeStatus(node));
  return errs;
}

export function validateNodeStatus(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  (node.status?.addresses ?? []).forEach((a, i) => {
    const p = FieldPath.root('status').child('addresses').index(i);
    errs.push(...oneOf(p.child('type'), a.type, ['Hostname', 'InternalIP', 'ExternalIP', 'InternalDNS', 'ExternalDNS'], true));
    if (!a.address) errs.push(fieldError.required(p.child('address')));
  });
  return errs;
}

export function validateEvent(ev: Event): FieldError[] {
  const errs: FieldError[] = [];
  const io = FieldPath.root('involvedObject');
  const ns = ev.involvedObject?.namespace;
  if (!ev.involvedObject) errs.push(fieldError.required(io));
  // Events about namespaced objects live in the object's namespace.
  else if (ns && ns !== ev.metadata.namespace) errs.push(fieldError.invalid(io.child('namespace'), ns, 'does not match event.namespace'));
  errs.push(...oneOf(FieldPath.root('type'), ev.type, ['Normal', 'Warning']));
  if ((ev.reason ?? '').length > 128) errs.push(fieldError.tooLong(FieldPath.root('reason'), '', 128));
  errs.push(...nonNegative(FieldPath.root('count'), ev.count));
  return errs;
}

export function validateLease(lease: Lease): FieldError[] {
  const spec = FieldPath.root('spec');
  return [
    ...positive(spec.child('leaseDurationSeconds'), lease.spec?.leaseDurationSeconds),
    ...nonNegative(spec.child('leaseTransitions'), lease.spec?.leaseTransitions),
  ];
}
