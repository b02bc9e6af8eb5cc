/**
 * Keeps the WatchPods stream open: reconnects with jittered back-off and resumes from the last
 * resourceVersion seen. Every event goes to the handlers as it comes; SYNCED (the end of a full
 * list) hands over the complete set seen on this stream so the runtime can drop what is gone.
 */
import type { ConfigMap, Pod, Secret } from '@tugboat/api';
import type { NodeServiceClient, WatchPodsEvent__Output } from '@tugboat/rpc';
import type { Logger } from 'pino';
import type { ReconnectPolicy } from './backoff.js';
import { reopening } from './reopening-call.js';

export type ObjectEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface PodWatchHandlers {
  pod(type: ObjectEventType, pod: Pod): void;
  ref(type: ObjectEventType, obj: ConfigMap | Secret): void;
  /** a full list ended: these are all the pods bound to the node */
  synced(pods: Pod[]): void;
}

export interface PodWatch {
  close(): void;
}

export function watchPods(client: NodeServiceClient, handlers: PodWatchHandlers, opts: { log: Logger; reconnect?: ReconnectPolicy }): PodWatch {
  let resourceVersion = '';

  function handle(ev: WatchPodsEvent__Output, seen: Map<string, Pod>): void {
    if (ev.resource_version) resourceVersion = ev.resource_version;
    if (ev.type === 'BOOKMARK') return;
    if (ev.type === 'SYNCED') {
      handlers.synced([...seen.values()]);
      return;
    }
    const type = ev.type as ObjectEventType;
    const obj = JSON.parse(ev.object_json.toString('utf8')) as Pod | ConfigMap | Secret;
    if (ev.kind === 'Pod') {
      const pod = obj as Pod;
      if (type === 'DELETED') seen.delete(pod.metadata.uid ?? '');
      else seen.set(pod.metadata.uid ?? '', pod);
      handlers.pod(type, pod);
    } else {
      handlers.ref(type, obj as ConfigMap | Secret);
    }
  }

  const calls = reopening(() => {
    const seen = new Map<string, Pod>();
    const call = client.WatchPods({ resource_version: resourceVersion });
    call.on('data', (ev: WatchPodsEvent__Output) => {
      try {
        handle(ev, seen);
      } catch (err) {
        opts.log.error({ err, type: ev.type, kind: ev.kind }, 'bad pod stream event');
      }
    });
    return call;
  }, { log: opts.log, what: 'pod stream', reconnect: opts.reconnect, context: () => ({ resourceVersion }) });
  return { close: () => calls.close() };
}
