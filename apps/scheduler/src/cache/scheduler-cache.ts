/**
 * The scheduler's view of the cluster: every node with the pods on it. Pods come from the informer
 * once bound, or are *assumed* by the scheduler the moment it picks a node, before the bind is even
 * sent, so the next cycle already sees the node's resources as taken (no double-booking while the
 * bind is in flight). A failed bind forgets the assumption; the informer showing the pod bound
 * confirms it. A cycle runs synchronously over this cache, which is therefore its snapshot.
 */
import type { Node, Pod } from '@tugboat/api';
import { NodeInfo } from '../framework/node-info.js';
import { podInfo } from '../framework/pod-info.js';
import type { PodInfo } from '../framework/pod-info.js';

interface PodState {
  readonly info: PodInfo;
  readonly nodeName: string;
  assumed: boolean;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly pods = new Map<string, PodState>();
  private nodeList: NodeInfo[] | undefined;

  upsertNode(node: Node): void {
    const name = node.metadata.name!;
    const info = this.nodes.get(name);
    if (info) {
      if (!info.node) this.nodeList = undefined;
      info.setNode(node);
    } else {
      this.nodes.set(name, new NodeInfo(name, node));
      this.nodeList = undefined;
    }
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info) return;
    this.nodeList = undefined;
    // Pods still bound to a deleted node keep their NodeInfo until they go (as k8s' cache does).
    if (info.pods.size > 0) info.node = undefined;
    else this.nodes.delete(name);
  }

  /** Nodes that exist, in a stable order (so rotating the start index spreads the work). */
  schedulableNodes(): readonly NodeInfo[] {
    this.nodeList ??= [...this.nodes.values()].filter((n) => n.node !== undefined);
    return this.nodeList;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  assume(info: PodInfo, nodeName: string): void {
    this.place(info, nodeName, true);
  }

  /** Drop an assumption whose bind failed; a pod the informer already confirmed stays. */
  forget(key: string): void {
    if (this.pods.get(key)?.assumed) this.removePod(key);
  }

  isAssumed(key: string): boolean {
    return this.pods.get(key)?.assumed ?? false;
  }

  /** A bound pod as the informer shows it: confirms an assumption, or moves a pod that changed node. */
  addOrUpdatePod(pod: Pod): void {
    const info = podInfo(pod);
    this.place(info, pod.spec!.nodeName!, false);
  }

  removePod(key: string): void {
    const state = this.pods.get(key);
    if (!state) return;
    this.pods.delete(key);
    const node = this.nodes.get(state.nodeName);
    node?.removePod(key);
    if (node && !node.node && node.pods.size === 0) this.nodes.delete(state.nodeName);
  }

  private place(info: PodInfo, nodeName: string, assumed: boolean): void {
    const old = this.pods.get(info.key);
    if (old && old.nodeName !== nodeName) this.removePod(info.key);
    let node = this.nodes.get(nodeName);
    if (!node) {
      node = new NodeInfo(nodeName);
      this.nodes.set(nodeName, node);
    }
    node.addPod(info);
    this.pods.set(info.key, { info, nodeName, assumed });
  }
}
