/**
 * Renews the node's lease every period on one long-lived Heartbeats call (cheaper for both sides
 * than a unary call per renewal, which a thousand nodes send a hundred times a second).
 * A renewal goes out whenever the call (re)opens, then one per period; a period that finds the
 * call down sends nothing (the reopen does).
 */
import type { NodeCondition } from '@tugboat/api';
import type { NodeServiceClient } from '@tugboat/rpc';
import type { Logger } from 'pino';
import type { ReconnectPolicy } from './backoff.js';
import { reopening } from './reopening-call.js';

export interface HeartbeatOptions {
  periodMs: number;
  /** the conditions to report with each renewal */
  conditions: () => readonly NodeCondition[];
  log: Logger;
  reconnect?: ReconnectPolicy;
  /** each renewal the control plane confirmed */
  onRenewed?: () => void;
}

export interface Heartbeats {
  close(): void;
}

export function keepHeartbeating(client: NodeServiceClient, opts: HeartbeatOptions): Heartbeats {
  const send = (call: ReturnType<NodeServiceClient['Heartbeats']> | undefined): void => {
    call?.write({ conditions_json: Buffer.from(JSON.stringify(opts.conditions())) });
  };
  const calls = reopening(() => {
    const call = client.Heartbeats();
    call.on('data', () => opts.onRenewed?.());
    send(call);
    return call;
  }, { log: opts.log, what: 'heartbeat stream', reconnect: opts.reconnect });
  const period = setInterval(() => send(calls.current()), opts.periodMs);
  return {
    close() {
      clearInterval(period);
      calls.close();
    },
  };
}
