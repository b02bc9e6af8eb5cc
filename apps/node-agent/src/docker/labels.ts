/**
 * The labels every Tugboat container carries. They are the agent's only persistent state: a restarted
 * agent rebuilds each pod's containers, attempts and spec hashes from them, and each agent only ever
 * touches containers that carry its own node name (several agents may share one engine).
 */
export const LABEL_PREFIX = 'tugboat.io/';

export const LABELS = {
  node: `${LABEL_PREFIX}node`,
  podUid: `${LABEL_PREFIX}pod-uid`,
  podNamespace: `${LABEL_PREFIX}pod-namespace`,
  podName: `${LABEL_PREFIX}pod-name`,
  containerName: `${LABEL_PREFIX}container-name`,
  kind: `${LABEL_PREFIX}container-kind`,
  /** the container's restart count when this instance was created (0 for the first) */
  restartCount: `${LABEL_PREFIX}restart-count`,
  /** hash of the container spec the instance was created from: a change means "recreate" */
  specHash: `${LABEL_PREFIX}spec-hash`,
  /** seconds to wait between SIGTERM and SIGKILL, so orphans are stopped as their pod asked */
  gracePeriod: `${LABEL_PREFIX}termination-grace-period`,
} as const;

export type ContainerKind = 'sandbox' | 'init' | 'app';

/** What the labels of one container say about it. */
export interface ContainerIdentity {
  nodeName: string;
  podUid: string;
  namespace: string;
  podName: string;
  /** the spec container's name; '' for the sandbox */
  containerName: string;
  kind: ContainerKind;
  restartCount: number;
  specHash: string;
  gracePeriodSeconds: number;
}

export function identityLabels(id: ContainerIdentity): Record<string, string> {
  return {
    [LABELS.node]: id.nodeName,
    [LABELS.podUid]: id.podUid,
    [LABELS.podNamespace]: id.namespace,
    [LABELS.podName]: id.podName,
    [LABELS.containerName]: id.containerName,
    [LABELS.kind]: id.kind,
    [LABELS.restartCount]: String(id.restartCount),
    [LABELS.specHash]: id.specHash,
    [LABELS.gracePeriod]: String(id.gracePeriodSeconds),
  };
}

const KINDS: readonly string[] = ['sandbox', 'init', 'app'];

/** The identity of a container from its labels, or undefined when it is not a Tugboat pod container. */
export function parseIdentity(labels: Record<string, string> | undefined): ContainerIdentity | undefined {
  if (!labels) return undefined;
  const nodeName = labels[LABELS.node];
  const podUid = labels[LABELS.podUid];
  const kind = labels[LABELS.kind];
  if (!nodeName || !podUid || !kind || !KINDS.includes(kind)) return undefined;
  return {
    nodeName,
    podUid,
    namespace: labels[LABELS.podNamespace] ?? '',
    podName: labels[LABELS.podName] ?? '',
    containerName: labels[LABELS.containerName] ?? '',
    kind: kind as ContainerKind,
    restartCount: toCount(labels[LABELS.restartCount]),
    specHash: labels[LABELS.specHash] ?? '',
    gracePeriodSeconds: toCount(labels[LABELS.gracePeriod], 30),
  };
}

function toCount(v: string | undefined, fallback = 0): number {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Docker `label` filters selecting this node's containers (optionally of one pod). */
export function labelFilters(nodeName: string, podUid?: string): string[] {
  const f = [`${LABELS.node}=${nodeName}`];
  if (podUid) f.push(`${LABELS.podUid}=${podUid}`);
  return f;
}
