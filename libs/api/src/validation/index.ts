/**
 * Validation of API objects, dispatched by kind: metadata (names by the kind's rule), structure
 * (shapes), then the kind's own rules, and on update the immutability rules.
 * Kind rules run only on a structurally sound body, so they can read it through its type.
 */
import type { ResourceInfo } from '../registry.js';
import type { KubeObject } from '../types/meta.js';
import { validateImmutableData, validateConfigMap, validateSecret, validateSecretUpdate } from './config.js';
import { validateEvent, validateLease, validateNamespace, validateNamespaceStatus, validateNode, validateNodeStatus } from './core.js';
import { validateCronJob, validateJob, validateJobUpdate } from './batch.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { validateObjectMeta, validateObjectMetaUpdate, type NameCheck } from './meta.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from './names.js';
import { isRecord } from './narrow.js';
import { validateHorizontalPodAutoscaler, validateIngress } from './networking.js';
import { validatePod, validatePodUpdate } from './pod.js';
import { validateEndpoints, validateService, validateServiceUpdate } from './service.js';
import { checkFields, checkShape } from './shape.js';
import type { Shape } from './shape.js';
import { BODY_SHAPES, objectMeta } from './shapes/kinds.js';
import { validatePersistentVolumeClaim } from './storage.js';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateSelectorUpdate, validateStatefulSet } from './workloads.js';

/** Each kind's rules; the object is typed by the kind because the shape check has passed. */
interface KindRules {
  name?: NameCheck;
  // Parameters are typed per kind below; `never` lets one table hold them all.
  create?: (obj: never) => FieldError[];
  update?: (obj: never, old: never) => FieldError[];
  /** the kind's rules on status alone, for writes of the status subresource */
  status?: (obj: never) => FieldError[];
}

const KINDS: ReadonlyMap<string, KindRules> = new Map<string, KindRules>([
  ['v1/Namespace', { name: isDNS1123Label, create: validateNamespace, status: validateNamespaceStatus }],
  ['v1/Node', { create: validateNode, status: validateNodeStatus }],
  ['v1/Pod', { create: validatePod, update: validatePodUpdate }],
  // Service names become DNS labels and env var prefixes: Kubernetes demands RFC 1035 (letter first).
  ['v1/Service', { name: isDNS1035Label, create: validateService, update: validateServiceUpdate }],
  ['v1/Endpoints', { create: validateEndpoints }],
  ['v1/ConfigMap', { create: validateConfigMap, update: (o: never, old: never) => validateImmutableData(o, old, ['data', 'binaryData']) }],
  ['v1/Secret', { create: validateSecret, update: validateSecretUpdate }],
  ['v1/Event', { create: validateEvent }],
  ['v1/PersistentVolumeClaim', { create: validatePersistentVolumeClaim }],
  ['apps/v1/Deployment', { create: validateDeployment, update: validateSelectorUpdate }],
  ['apps/v1/ReplicaSet', { create: validateReplicaSet, update: validateSelectorUpdate }],
  ['apps/v1/StatefulSet', { create: validateStatefulSet, update: validateSelectorUpdate }],
  ['apps/v1/DaemonSet', { create: validateDaemonSet, update: validateSelectorUpdate }],
  ['batch/v1/Job', { create: validateJob, update: validateJobUpdate }],
  ['batch/v1/CronJob', { create: validateCronJob }],
  ['autoscaling/v2/HorizontalPodAutoscaler', { create: validateHorizontalPodAutoscaler }],
  ['networking.k8s.io/v1/Ingress', { create: validateIngress }],
  ['coordination.k8s.io/v1/Lease', { create: validateLease }],
]);

const apiVersionOf = (info: ResourceInfo): string => (info.group ? `${info.group}/${info.version}` : info.version);

function structure(key: string, obj: KubeObject): FieldError[] {
  if (!isRecord(obj.metadata)) return [fieldError.required(FieldPath.root('metadata'))];
  return [...checkShape(objectMeta, obj.metadata, FieldPath.root('metadata')), ...checkFields(BODY_SHAPES.get(key) ?? {}, obj)];
}

/**
 * Validate an object (metadata and body) for create (`old` undefined) or update.
 * Returns every problem found, each with its precise field path.
 */
export function validateObject(info: ResourceInfo, obj: KubeObject, old?: KubeObject): FieldError[] {
  const key = `${apiVersionOf(info)}/${info.kind}`;
  const shapeErrors = structure(key, obj);
  if (shapeErrors.length > 0) return shapeErrors;
  const rules = KINDS.get(key) ?? {};
  const errs = validateObjectMeta(obj.metadata, { namespaced: info.namespaced, nameCheck: rules.name ?? isDNS1123Subdomain });
  // The casts below are where the typed world begins: the shape check above vouches for the body.
  errs.push(...(rules.create?.(obj as never) ?? []));
  if (old) {
    errs.push(...validateObjectMetaUpdate(obj.metadata, old.metadata));
    errs.push(...(rules.update?.(obj as never, old as never) ?? []));
  }
  return errs;
}

/**
 * Validate a write of the status subresource: only status can differ from the stored object (the
 * store keeps its spec and metadata), and those were valid when they were written, so only the
 * status is checked: its structure, and the kind's status rules.
 */
export function validateStatusUpdate(info: ResourceInfo, obj: KubeObject): FieldError[] {
  const key = `${apiVersionOf(info)}/${info.kind}`;
  const fields = statusFields(key);
  const shapeErrors = fields ? checkFields(fields, obj) : [];
  if (shapeErrors.length > 0) return shapeErrors;
  return KINDS.get(key)?.status?.(obj as never) ?? [];
}

/** `{ status: <the kind's status shape> }`, one object per kind (checkFields compiles per object). */
const STATUS_FIELDS = new Map<string, Readonly<Record<string, Shape>> | undefined>();

function statusFields(key: string): Readonly<Record<string, Shape>> | undefined {
  if (!STATUS_FIELDS.has(key)) {
    const shape = BODY_SHAPES.get(key)?.status;
    STATUS_FIELDS.set(key, shape ? { status: shape } : undefined);
  }
  return STATUS_FIELDS.get(key);
}
