/**
 * Docker's container event stream for this node's containers. Each event only names a pod uid for
 * the caller to enqueue; the stream reconnects after a break (resuming from the last event seen) and
 * reports every reconnect so the caller can resync what it may have missed.
 */
import type { Readable } from 'node:stream';
import type pino from 'pino';
import type { EngineClient } from './engine-client.js';
import { LABELS, labelFilters } from './labels.js';
import { NdjsonSplitter } from './ndjson.js';

/**
 * Container lifecycle actions that can change a pod's state. exec_* (every exec probe) and
 * attach/resize are left out so probes do not trigger syncs.
 */
export const WATCHED_ACTIONS = ['create', 'start', 'die', 'oom', 'kill', 'stop', 'destroy', 'pause', 'unpause'];

export interface ContainerEvent {
  action: string;
  containerId: string;
  podUid: string;
  exitCode?: number;
  /** unix seconds */
  time: number;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  id?: string;
  time?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

/** Pure: the parts of a raw Docker event the runtime needs, or undefined for events of other containers. */
export function parseContainerEvent(raw: unknown): ContainerEvent | undefined {
  const e = raw as RawEvent;
  if (e?.Type !== 'container' || !e.Action) return undefined;
  const attrs = e.Actor?.Attributes ?? {};
  const podUid = attrs[LABELS.podUid];
  if (!podUid) return undefined;
  const exit = attrs.exitCode !== undefined ? Number(attrs.exitCode) : undefined;
  // exec_start: sh -c ... carries the command after a colon; the action is what matters.
  const action = e.Action.split(':')[0] ?? e.Action;
  return { action, containerId: e.Actor?.ID ?? e.id ?? '', podUid, exitCode: exit, time: e.time ?? 0 };
}

export interface EventWatch {
  close(): void;
}

export interface WatchOptions {
  docker: EngineClient;
  nodeName: string;
  logger: pino.Logger;
  onEvent(e: ContainerEvent): void;
  /** called after the stream is (re)established: events between may have been missed */
  onConnected(): void;
  retryMs?: number;
}

export function watchContainerEvents(opts: WatchOptions): { watch: EventWatch; connected: Promise<void> } {
  const retryMs = opts.retryMs ?? 1000;
  let closed = false;
  let stream: Readable | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let since = Math.floor(Date.now() / 1000);
  let firstConnect: (() => void) | undefined;
  const connected = new Promise<void>((resolve) => (firstConnect = resolve));

  const connect = async (): Promise<void> => {
    if (closed) return;
    try {
      const s = await opts.docker.events({ since, filters: { type: ['container'], event: WATCHED_ACTIONS, label: labelFilters(opts.nodeName) } });
      if (closed) {
        s.destroy();
        return;
      }
      stream = s;
      const splitter = new NdjsonSplitter();
      s.on('data', (chunk: Buffer) => {
        for (const raw of splitter.push(chunk, (line) => opts.logger.warn({ line }, 'unparsable docker event'))) {
          const e = parseContainerEvent(raw);
          if (!e) continue;
          since = Math.max(since, e.time);
          opts.onEvent(e);
        }
      });
      const broken = (err?: unknown): void => {
        if (closed || stream !== s) return;
        stream = undefined;
        opts.logger.warn({ err }, 'docker event stream ended; reconnecting');
        scheduleRetry();
      };
      s.on('end', () => broken());
      s.on('close', () => broken());
      s.on('error', (err: unknown) => broken(err));
      firstConnect?.();
      opts.onConnected();
    } catch (err) {
      opts.logger.warn({ err }, 'cannot subscribe to docker events; retrying');
      scheduleRetry();
    }
  };
  const scheduleRetry = (): void => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
  };
  void connect();
  return {
    connected,
    watch: {
      close() {
        closed = true;
        if (retryTimer) clearTimeout(retryTimer);
        stream?.destroy();
        stream = undefined;
        firstConnect?.();
      },
    },
  };
}
