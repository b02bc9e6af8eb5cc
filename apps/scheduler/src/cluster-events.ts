/**
 * Informer events → the cache and the queue. Bound pods and nodes keep the cache current whether
 * or not this scheduler leads (a follower stays warm); pending pods are queued; changes that may
 * make set-aside pods fit (a node added or changed, a bound pod gone) move them back to active.
 */
import type { Node, Pod } from '@tugboat/api';
import { keyOf } from '@tugboat/client';
import type { Informer } from '@tugboat/client';
import type { SchedulerCache } from './cache/scheduler-cache.js';
import { isBound, isPendingFor, isTerminal, nodeSchedulingChanged, podSchedulingChanged } from './pod-state.js';
import type { SchedulingQueue } from './queue/scheduling-queue.js';

export interface ClusterEventDeps {
  readonly pods: Informer<Pod>;
  readonly nodes: Informer<Node>;
  readonly cache: SchedulerCache;
  readonly schedulerName: string;
  /** the current term's queue, undefined while not leading */
  queue(): SchedulingQueue | undefined;
}

/** Returns a function that unregisters the handlers. */
export function watchClusterEvents(deps: ClusterEventDeps): () => void {
  const { cache, schedulerName, queue } = deps;

  const onPod = (pod: Pod, old: Pod | undefined): void => {
    const key = keyOf(pod);
    if (isBound(pod)) {
      if (!isTerminal(pod)) return cache.addOrUpdatePod(pod);
      cache.removePod(key);
      if (old && !isTerminal(old)) queue()?.moveAllToActive(); // its resources are free again
      return;
    }
    if (!isPendingFor(pod, schedulerName)) return;
    const q = queue();
    if (!q) return;
    // Our own status write about an unschedulable pod must not bring it straight back.
    if (!old || !q.isUnschedulable(key) || podSchedulingChanged(old, pod)) q.add(key);
  };

  const offPods = deps.pods.addEventHandler({
    add: (pod) => onPod(pod, undefined),
    update: (pod, old) => onPod(pod, old),
    delete: (pod) => {
      const key = keyOf(pod);
      cache.removePod(key);
      queue()?.finished(key);
      if (isBound(pod)) queue()?.moveAllToActive();
    },
  });

  const offNodes = deps.nodes.addEventHandler({
    add: (node) => {
      cache.upsertNode(node);
      queue()?.moveAllToActive();
    },
    update: (node, old) => {
      cache.upsertNode(node);
      if (nodeSchedulingChanged(old, node)) queue()?.moveAllToActive();
    },
    delete: (node) => cache.removeNode(node.metadata.name!),
  });

  return () => {
    offPods();
    offNodes();
  };
}
