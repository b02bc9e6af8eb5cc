/** The value each resource's watch cache indexes its objects by (WatchCacheOptions.triggerOf). */
import type { KubeObject, ResourceInfo } from '@tugboat/api';

/** The node a pod is bound to: node agents watch their own pods only. */
export function podNodeName(pod: KubeObject): string | undefined {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName;
}

export function triggerFor(info: ResourceInfo): ((obj: KubeObject) => string | undefined) | undefined {
  return info.group === '' && info.kind === 'Pod' ? podNodeName : undefined;
}
