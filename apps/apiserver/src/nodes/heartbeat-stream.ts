/**
 * Heartbeats: the node's lease renewals on one long-lived call. The node is identified once, when
 * the call opens; each request is a heartbeat() as the unary Heartbeat does it, answered once
 * written. Renewals of one node never overlap: a request that arrives while one is being written
 * waits, and only the newest waiting one is written (its conditions are the node's latest word).
 * A renewal that fails ends the call with its status; the agent reopens it with back-off.
 */
import type * as grpc from '@grpc/grpc-js';
import { toServiceError } from '@tugboat/rpc';
import type { HeartbeatRequest__Output, HeartbeatResponse } from '@tugboat/rpc';
import type { NodeServiceContext } from './context.js';
import { LEASE_DURATION_SECONDS, decodeConditions, heartbeat } from './heartbeat.js';

export type HeartbeatCall = grpc.ServerDuplexStream<HeartbeatRequest__Output, HeartbeatResponse>;

export function serveHeartbeats(ctx: NodeServiceContext, nodeName: string, call: HeartbeatCall): void {
  let writing = false;
  let waiting: HeartbeatRequest__Output | undefined;
  /** the agent half-closed: answer what it sent, then end */
  let draining = false;
  let over = false;

  const finish = (err?: unknown): void => {
    if (over) return;
    over = true;
    if (err === undefined) return void call.end();
    ctx.log.warn({ node: nodeName, err: (err as Error).message }, 'lease renewal failed: ending the heartbeat stream');
    call.emit('error', toServiceError(err));
  };

  const renew = async (req: HeartbeatRequest__Output): Promise<void> => {
    writing = true;
    try {
      await heartbeat(ctx, nodeName, decodeConditions(req.conditions_json));
    } catch (err) {
      finish(err);
      return;
    } finally {
      writing = false;
    }
    if (over) return;
    call.write({ lease_duration_seconds: LEASE_DURATION_SECONDS });
    const next = waiting;
    waiting = undefined;
    if (next) await renew(next);
    else if (draining) finish();
  };

  call.on('data', (req: HeartbeatRequest__Output) => {
    if (over) return;
    if (writing) waiting = req;
    else void renew(req);
  });
  call.on('end', () => {
    draining = true;
    if (!writing) finish();
  });
  // 'cancelled' fires on every close of a server call (grpc-node#2771)
  const gone = (): void => {
    over = true;
  };
  call.on('cancelled', gone);
  call.on('error', gone);
}
