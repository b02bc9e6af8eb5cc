/**
 * The patch schema of the built-in kinds: which lists merge (and by which key), which lists are sets of
 * scalars, which fields carry `retainKeys`. It mirrors the `patchStrategy` / `patchMergeKey` struct tags of
 * k8s.io/api; strategic merge patch and server-side apply both read it. Anything not described here has the
 * default behaviour: objects merge field by field, lists are replaced whole (atomic).
 *
 * Shared shapes (ObjectMeta, PodSpec, Container, pod templates) are written once and reused wherever
 * Kubernetes embeds them, so a Pod, a Deployment and a CronJob agree on how their containers merge.
 */

export interface FieldSchema {
  /** `patchStrategy:"merge"` on a list of objects: elements are matched by this field. */
  readonly mergeKey?: string;
  /** `patchStrategy:"merge"` on a list of scalars: the list behaves as an ordered set. */
  readonly set?: boolean;
  /** `patchStrategy:"retainKeys"`: a `$retainKeys` directive may clear fields not listed (union types). */
  readonly retainKeys?: boolean;
  /** The fields of this object, or of each element when this field is a list. */
  readonly fields?: Fields;
}

export type Fields = Readonly<Record<string, FieldSchema>>;

const RETAIN = { retainKeys: true } as const;

function keyed(mergeKey: string, fields?: Fields, options: { retainKeys?: boolean } = {}): FieldSchema {
  return { mergeKey, ...(fields ? { fields } : {}), ...options };
}

function struct(fields: Fields): FieldSchema {
  return { fields };
}

const SET: FieldSchema = { set: true };

/** status.conditions of most kinds: `patchMergeKey:"type"`. */
const CONDITIONS = keyed('type');

const OBJECT_META: Fields = {
  finalizers: SET,
  ownerReferences: keyed('uid'),
};

const CONTAINER: Fields = {
  ports: keyed('containerPort'),
  env: keyed('name'),
  volumeMounts: keyed('mountPath'),
  volumeDevices: keyed('devicePath'),
};

const POD_SPEC: Fields = {
  containers: keyed('name', CONTAINER),
  initContainers: keyed('name', CONTAINER),
  ephemeralContainers: keyed('name', CONTAINER),
  volumes: keyed('name', undefined, RETAIN),
  imagePullSecrets: keyed('name'),
  hostAliases: keyed('ip'),
  // Kubernetes' list-map key is (topologyKey, whenUnsatisfiable); the strategic merge key is topologyKey alone.
  topologySpreadConstraints: keyed('topologyKey'),
  resourceClaims: keyed('name', undefined, RETAIN),
  schedulingGates: keyed('name'),
  // tolerations, readinessGates, affinity terms: no patch strategy, replaced whole.
};

const POD_STATUS: Fields = {
  conditions: CONDITIONS,
  podIPs: keyed('ip'),
  hostIPs: keyed('ip'),
  resourceClaimStatuses: keyed('name', undefined, RETAIN),
};

const POD_TEMPLATE = struct({ metadata: struct(OBJECT_META), spec: struct(POD_SPEC) });
const JOB_SPEC: Fields = { template: POD_TEMPLATE };
const STATUS_WITH_CONDITIONS = struct({ conditions: CONDITIONS });

/** Kind-specific fields, keyed by kind name (the built-in kinds have unique names across groups). */
const KINDS: Readonly<Record<string, Fields>> = {
  Pod: { spec: struct(POD_SPEC), status: struct(POD_STATUS) },
  Deployment: {
    spec: struct({ template: POD_TEMPLATE, strategy: RETAIN }),
    status: STATUS_WITH_CONDITIONS,
  },
  ReplicaSet: { spec: struct({ template: POD_TEMPLATE }), status: STATUS_WITH_CONDITIONS },
  // volumeClaimTemplates and updateStrategy carry no patch strategy.
  StatefulSet: { spec: struct({ template: POD_TEMPLATE }), status: STATUS_WITH_CONDITIONS },
  DaemonSet: { spec: struct({ template: POD_TEMPLATE }), status: STATUS_WITH_CONDITIONS },
  Job: { spec: struct(JOB_SPEC), status: STATUS_WITH_CONDITIONS },
  CronJob: { spec: struct({ jobTemplate: struct({ metadata: struct(OBJECT_META), spec: struct(JOB_SPEC) }) }) },
  Service: { spec: struct({ ports: keyed('port') }), status: STATUS_WITH_CONDITIONS },
  // Endpoints.subsets and their addresses are atomic: a patch replaces them.
  Endpoints: {},
  Node: {
    spec: struct({ podCIDRs: SET }),
    status: struct({ conditions: CONDITIONS, addresses: keyed('type') }),
  },
  Namespace: { status: STATUS_WITH_CONDITIONS },
  PersistentVolumeClaim: { status: STATUS_WITH_CONDITIONS },
  HorizontalPodAutoscaler: { status: STATUS_WITH_CONDITIONS },
  ConfigMap: {},
  Secret: {},
  Event: {},
  Ingress: {},
  Lease: {},
};

/**
 * The schema of a whole object of `kind`. Unknown kinds (custom resources) still get ObjectMeta's rules,
 * which every object shares; their other lists are replaced, as merge patch would.
 */
export function schemaForKind(kind: string): FieldSchema {
  return struct({ metadata: struct(OBJECT_META), ...(KINDS[kind] ?? {}) });
}

/** Whether strategic merge knows `kind` (Kubernetes refuses strategic patches for custom resources). */
export function isStrategicKind(kind: string): boolean {
  return Object.hasOwn(KINDS, kind);
}

/** The schema of field `name` inside an object (or list element) described by `parent`. */
export function childSchema(parent: FieldSchema | undefined, name: string): FieldSchema | undefined {
  return parent?.fields?.[name];
}
