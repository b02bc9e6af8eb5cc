/** Turns ?labelSelector= and ?fieldSelector= into one predicate, refusing fields a kind cannot select on. */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { ApiError, COMMON_SELECTABLE_FIELDS, fieldsMatch, labelsMatch, parseFieldSelector, parseLabelSelector } from '@tugboat/api';

const KIND_FIELDS: Record<string, readonly string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Secret: ['type'],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

export type ObjectPredicate = (obj: KubeObject) => boolean;

export function selectorPredicate(info: ResourceInfo, q: URLSearchParams): ObjectPredicate {
  const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(q.get('fieldSelector') ?? undefined);
  const allowed = new Set<string>([...COMMON_SELECTABLE_FIELDS, ...(KIND_FIELDS[info.kind] ?? [])]);
  for (const f of fields) {
    if (!allowed.has(f.field)) {
      throw new ApiError('BadRequest', `field label not supported: ${f.field}`);
    }
  }
  if (labels.length === 0 && fields.length === 0) return () => true;
  return (obj) => labelsMatch(labels, obj.metadata.labels) && fieldsMatch(fields, obj);
}
