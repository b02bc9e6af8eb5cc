/**
 * The gRPC NodeService: its own TLS port, with the serving certificate of the apiserver. Client
 * certificates are requested, not required (Join is how a node gets one), and checked per call.
 */
import * as grpc from '@grpc/grpc-js';
import type { Event, Node } from '@tugboat/api';
import { SERVER_KEEPALIVE_OPTIONS, decodeJson, encodeJson, listen, protos, serverCredentials, toServiceError, unaryHandler } from '@tugboat/rpc';
import type { ListeningServer, NodeServiceHandlers } from '@tugboat/rpc';
import type { NodeServiceContext } from './context.js';
import { recordEvents } from './events.js';
import { BatchGate } from './batch-gate.js';
import { LEASE_DURATION_SECONDS, RENEWAL_BATCH_MS, decodeConditions, heartbeat } from './heartbeat.js';
import { serveHeartbeats } from './heartbeat-stream.js';
import { nodeNameOf } from './identity.js';
import { join } from './join.js';
import { confirmPodDeleted, updatePodStatus } from './pod-status.js';
import { openPodStream } from './pod-stream.js';
import { register } from './register.js';

export type NodeServiceServer = ListeningServer;

function handlers(ctx: NodeServiceContext): NodeServiceHandlers {
  const node = (call: Parameters<typeof nodeNameOf>[1]): string => nodeNameOf(ctx.verifier, call);
  /** a streaming call's node, or undefined after ending the call with the reason it has none */
  const identified = (call: Parameters<typeof nodeNameOf>[1] & { emit(event: 'error', err: unknown): boolean }): string | undefined => {
    try {
      return node(call);
    } catch (err) {
      call.emit('error', toServiceError(err));
      return undefined;
    }
  };
  return {
    Join: unaryHandler(async (call) => await join(ctx, call.request)),
    Register: unaryHandler(async (call) => {
      const { node: obj, config } = await register(ctx, node(call), decodeJson<Node>(call.request.node_json, 'node_json'));
      return { node_json: encodeJson(obj), config };
    }),
    Heartbeat: unaryHandler(async (call) => {
      await heartbeat(ctx, node(call), decodeConditions(call.request.conditions_json));
      return { lease_duration_seconds: LEASE_DURATION_SECONDS };
    }),
    Heartbeats(call) {
      const name = identified(call);
      if (name !== undefined) serveHeartbeats(ctx, name, call);
    },
    UpdatePodStatus: unaryHandler(async (call) => {
      const r = call.request;
      const rv = await updatePodStatus(ctx, node(call), { namespace: r.namespace, name: r.name, uid: r.uid }, decodeJson(r.status_json, 'status_json'));
      return { resource_version: rv };
    }),
    ConfirmPodDeleted: unaryHandler(async (call) => {
      await confirmPodDeleted(ctx, node(call), call.request);
      return {};
    }),
    RecordEvents: unaryHandler(async (call) => {
      await recordEvents(ctx, node(call), call.request.events_json.map((b, i) => decodeJson<Event>(b, `events_json[${i}]`)));
      return {};
    }),
    WatchPods(call) {
      const name = identified(call);
      if (name === undefined) return;
      const stream = openPodStream(ctx, name, call.request.resource_version, {
        write: (ev) => void call.write(ev),
        fail: (reason) => {
          stream.close();
          call.emit('error', { code: grpc.status.UNAVAILABLE, details: reason });
        },
      });
      // 'cancelled' fires on every close of a server call (grpc-node#2771): an idempotent cleanup hook
      call.on('cancelled', () => stream.close());
      call.on('error', () => stream.close());
    },
  };
}

export async function startNodeService(
  shared: Omit<NodeServiceContext, 'renewals'>,
  opts: { host: string; port: number; tls: { certPem: string; keyPem: string } },
): Promise<NodeServiceServer> {
  const ctx: NodeServiceContext = { ...shared, renewals: new BatchGate(RENEWAL_BATCH_MS) };
  const server = new grpc.Server({ ...SERVER_KEEPALIVE_OPTIONS, 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
  server.addService(protos().node.NodeService.service, handlers(ctx));
  const listening = await listen(server, { host: opts.host, port: opts.port, credentials: serverCredentials({ caPem: ctx.ca.certPem, ...opts.tls }, 'request') });
  return {
    port: listening.port,
    async close() {
      ctx.renewals.close();
      await listening.close();
    },
  };
}
