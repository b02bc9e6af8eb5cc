/**
 * A streaming call to the control plane that is reopened whenever it is lost: after an error or
 * the server's end, `open` runs again after a jittered back-off that grows with each failure and
 * starts over once the new call delivers a message. `close()` cancels the call and any reopen.
 */
import type { Logger } from 'pino';
import { reconnectDelay } from './backoff.js';
import type { ReconnectPolicy } from './backoff.js';

/** a grpc-js streaming call as this needs it (its 'data', 'error' and 'end' events) */
type StreamingCall = NodeJS.EventEmitter & { cancel(): void };

export interface ReopeningCall<C> {
  /** the open call, if there is one right now */
  current(): C | undefined;
  close(): void;
}

export interface ReopenOptions {
  log: Logger;
  /** what the log says was lost, e.g. 'pod stream' */
  what: string;
  reconnect?: ReconnectPolicy;
  /** fields for the log line of each loss */
  context?: () => Record<string, unknown>;
}

/** `open` starts the call and attaches its own 'data' handler. */
export function reopening<C extends StreamingCall>(open: () => C, opts: ReopenOptions): ReopeningCall<C> {
  let attempt = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let current: C | undefined;

  function start(): void {
    if (closed) return;
    const call = open();
    current = call;
    call.on('data', () => {
      attempt = 0;
    });
    let ended = false;
    const retry = (why: string): void => {
      if (ended || closed) return;
      ended = true;
      if (current === call) current = undefined;
      const delayMs = reconnectDelay(attempt++, opts.reconnect);
      opts.log.warn({ why, delayMs, ...opts.context?.() }, `${opts.what} lost: reconnecting`);
      timer = setTimeout(start, delayMs);
    };
    call.on('error', (err: Error) => retry(err.message));
    call.on('end', () => retry('server ended the stream'));
  }

  start();
  return {
    current: () => current,
    close() {
      closed = true;
      clearTimeout(timer);
      current?.cancel();
    },
  };
}
