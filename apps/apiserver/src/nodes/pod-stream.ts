/**
 * WatchPods: the pods bound to one node, and the ConfigMaps and Secrets they reference, from the
 * watch caches. A fresh stream (or one whose resourceVersion left the caches' history) starts with
 * a full list ended by SYNCED; a resumed one replays only what happened after its resourceVersion.
 *
 * The resourceVersion the agent is told is the pod cache's revision. Each cache follows its own etcd
 * watch, so no single revision says what the ConfigMap and Secret caches have delivered; a resumed
 * stream therefore replays pods from the version and sends the referenced ConfigMaps and Secrets
 * as they are now (the agent is level-triggered: repeats are harmless).
 */
import { isApiError } from '@tugboat/api';
import type { KubeObject } from '@tugboat/api';
import type { WatchPodsEvent } from '@tugboat/rpc';
import type { CacheEvent, Subscription } from '../storage/watch-cache.js';
import type { NodeServiceContext } from './context.js';
import { podNodeName } from './identity.js';
import { parseRefKey, podReferenceKeys, refKey } from './pod-references.js';
import type { RefKind } from './pod-references.js';
/**
 * How often an idle stream's resourceVersion is moved forward, so that a reconnecting agent resumes
 * instead of relisting. Kubernetes' watch cache sends bookmarks about once a minute; every 10 s cost
 * a thousand nodes' streams a hundred messages a second.
 */
export const BOOKMARK_INTERVAL_MS = 60_000;

export interface PodStreamSink {
  write(ev: WatchPodsEvent): void;
  /** the caches had to relist: the agent must reconnect (and gets a full list if its version expired) */
  fail(reason: string): void;
}

export interface PodStream {
  close(): void;
}

export function openPodStream(ctx: NodeServiceContext, node: string, fromVersion: string, sink: PodStreamSink): PodStream {
  const caches = { Pod: ctx.storage.byKind('Pod').cache, ConfigMap: ctx.storage.byKind('ConfigMap').cache, Secret: ctx.storage.byKind('Secret').cache };
  /** pod key → the refs it holds (pods that hold none are left out), so a ConfigMap is forwarded while any pod of this node uses it */
  const podRefs = new Map<string, readonly string[]>();
  const refCounts = new Map<string, number>();
  const subs: Subscription[] = [];
  let closed = false;

  const version = (): string => String(caches.Pod.revision);
  const send = (type: string, kind: string, json: Buffer): void => {
    if (!closed) sink.write({ type, kind, object_json: json, resource_version: version() });
  };

  /** Track a pod's references; newly referenced objects are sent unless this is a replay (the agent has them). */
  function trackPod(key: string, pod: KubeObject | undefined, sendNewRefs: boolean): void {
    const next = pod ? podReferenceKeys(pod) : [];
    const prev = podRefs.get(key);
    if (next.length === 0 && prev === undefined) return; // most pods: nothing referenced, before or now
    for (const k of next) {
      const count = refCounts.get(k) ?? 0;
      refCounts.set(k, count + 1);
      if (count === 0 && sendNewRefs) sendRef(k);
    }
    for (const k of prev ?? []) {
      const count = (refCounts.get(k) ?? 1) - 1;
      if (count <= 0) refCounts.delete(k);
      else refCounts.set(k, count);
    }
    if (next.length > 0) podRefs.set(key, next);
    else podRefs.delete(key);
  }

  function sendRef(k: string): void {
    const { kind, namespace, name } = parseRefKey(k);
    const cached = caches[kind].get(`${namespace}/${name}`);
    if (cached) send('ADDED', kind, cached.json);
  }

  function onPodEvent(ev: CacheEvent): void {
    const key = `${ev.obj.metadata.namespace}/${ev.obj.metadata.name}`;
    const now = ev.type !== 'DELETED' && podNodeName(ev.obj) === node;
    const before = ev.prev !== undefined && podNodeName(ev.prev) === node;
    if (now) {
      trackPod(key, ev.obj, true);
      send(before ? 'MODIFIED' : 'ADDED', 'Pod', ev.json);
    } else if (before || (ev.type === 'DELETED' && podNodeName(ev.obj) === node)) {
      trackPod(key, undefined, false);
      send('DELETED', 'Pod', ev.json);
    }
  }

  function onRefEvent(kind: RefKind, ev: CacheEvent): void {
    if (refCounts.has(refKey(kind, ev.obj.metadata.namespace ?? '', ev.obj.metadata.name ?? ''))) send(ev.type, kind, ev.json);
  }

  const subscriber = (handle: (ev: CacheEvent) => void) => ({ onEvent: handle, onTerminate: () => sink.fail('watch cache relisted') });

  function subscribeRefs(): void {
    subs.push(caches.ConfigMap.subscribe(caches.ConfigMap.revision, subscriber((ev) => onRefEvent('ConfigMap', ev))));
    subs.push(caches.Secret.subscribe(caches.Secret.revision, subscriber((ev) => onRefEvent('Secret', ev))));
  }

  function fullList(): void {
    // list and subscribe in one tick: nothing can happen in between
    for (const c of caches.Pod.listBy(node)) {
      trackPod(c.key, c.obj, true);
      send('ADDED', 'Pod', c.json);
    }
    send('SYNCED', '', Buffer.alloc(0));
    subs.push(caches.Pod.subscribe(caches.Pod.revision, subscriber(onPodEvent), node));
    subscribeRefs();
  }

  /** false when `from` left the pod cache's history (Expired): the caller lists instead */
  function resume(from: number): boolean {
    try {
      subs.push(caches.Pod.subscribe(from, subscriber(onPodEvent), node));
    } catch (err) {
      if (!isApiError(err, 'Expired')) throw err;
      return false;
    }
    for (const c of caches.Pod.listBy(node)) trackPod(c.key, c.obj, false);
    for (const k of refCounts.keys()) sendRef(k);
    subscribeRefs();
    return true;
  }

  const from = Number(fromVersion);
  if (!(fromVersion !== '' && Number.isInteger(from) && from > 0 && resume(from))) fullList();
  const bookmarks = setInterval(() => send('BOOKMARK', '', Buffer.alloc(0)), BOOKMARK_INTERVAL_MS);
  ctx.log.info({ node, fromVersion }, 'pod stream opened');

  return {
    close() {
      if (closed) return;
      closed = true;
      clearInterval(bookmarks);
      for (const s of subs) s.close();
    },
  };
}
