/** The objects a verb acts on: from manifests (`-f`) or from `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l sel`. */
import { resourceForKind } from '@tugboat/api';
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { UsageError } from './args.js';
import type { Session } from './command.js';
import type { Manifest } from './manifests.js';
import type { ResourceTarget } from './resources.js';

export interface ObjectTarget {
  readonly info: ResourceInfo;
  /** set for namespaced resources */
  readonly namespace: string | undefined;
  readonly name: string;
  /** the manifest's object, when it came from one */
  readonly object?: KubeObject;
  /** the manifest file, when it came from one */
  readonly source?: string;
}

/** Resolve a manifest's kind and namespace as kubectl does (the object's namespace wins, but must agree with -n). */
export function resolveManifest(m: Manifest, s: Pick<Session, 'namespace' | 'namespaceFromFlag'>, opts: { requireName: boolean }): ObjectTarget {
  const { object, source } = m;
  const info = resourceForKind(object.apiVersion, object.kind);
  const name = object.metadata.name ?? '';
  const objNs = object.metadata.namespace;
  if (!info) {
    throw new UsageError(
      `resource mapping not found for name: "${name}" namespace: "${objNs ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"`,
    );
  }
  if (opts.requireName && !name) throw new UsageError(`error validating "${source}": error validating data: metadata.name not set`);
  if (!info.namespaced) return { info, namespace: undefined, name, object, source };
  if (objNs && s.namespaceFromFlag && objNs !== s.namespace) {
    throw new UsageError(
      `the namespace from the provided object "${objNs}" does not match the namespace "${s.namespace}". You must pass '--namespace=${objNs}' to perform this operation.`,
    );
  }
  const namespace = objNs || s.namespace;
  return { info, namespace, name, object: { ...object, metadata: { ...object.metadata, namespace } }, source };
}

export interface SelectOptions {
  namespace: string | undefined;
  labelSelector?: string | undefined;
  all?: boolean;
}

/** Named targets as given; unnamed ones listed with the selector (or `--all`). */
export async function objectsFromArgs(s: Session, targets: readonly ResourceTarget[], opts: SelectOptions): Promise<ObjectTarget[]> {
  const out: ObjectTarget[] = [];
  for (const { info, names } of targets) {
    const namespace = info.namespaced ? opts.namespace : undefined;
    if (names.length > 0) {
      if (opts.labelSelector) throw new UsageError('name cannot be provided when a selector is specified');
      out.push(...names.map((name) => ({ info, namespace, name })));
      continue;
    }
    if (!opts.labelSelector && !opts.all) {
      throw new UsageError(`resource(s) were provided, but no name was specified`);
    }
    const list = await s.client.list(info, { namespace: opts.namespace, labelSelector: opts.labelSelector });
    out.push(...list.items.map((o) => ({ info, namespace: info.namespaced ? o.metadata.namespace : undefined, name: o.metadata.name ?? '' })));
  }
  return out;
}

export function isNotFound(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'NotFound';
}
