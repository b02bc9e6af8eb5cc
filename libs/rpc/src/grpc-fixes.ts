/**
 * A fix to grpc-js applied at load, until grpc/grpc-node#3082 ships: when a call ends, grpc-js calls
 * end() on its HTTP/2 stream even when its side already half-closed (every unary and server-streaming
 * call), and Node answers a second end() by building an ERR_STREAM_ALREADY_FINISHED error, stack trace
 * included, only to drop it. That was 2–5 % of the CPU of the apiserver (its etcd client) and of the
 * agents (their unary calls). Skipping the end() when the stream's writable side has ended changes
 * nothing else: Node ignores such an end() but for that error. grpc-js is pinned (1.14.3); the check
 * below fails loudly if the method moves.
 */
import { Http2SubchannelCall } from '@grpc/grpc-js/build/src/subchannel-call.js';

interface CallInternals {
  serverEndedCall: boolean;
  http2Stream: { writableEnded: boolean; destroyed: boolean };
  destroyHttp2Stream(): void;
}

export function skipRedundantEnd(proto: CallInternals): void {
  const original = proto.destroyHttp2Stream;
  if (typeof original !== 'function') throw new Error('grpc-js changed: Http2SubchannelCall.destroyHttp2Stream is gone (see libs/rpc/src/grpc-fixes.ts)');
  if ((original as { skipsRedundantEnd?: true }).skipsRedundantEnd) return;
  const fixed = function (this: CallInternals): void {
    if (this.serverEndedCall && this.http2Stream.writableEnded && !this.http2Stream.destroyed) return;
    original.call(this);
  };
  proto.destroyHttp2Stream = Object.assign(fixed, { skipsRedundantEnd: true as const });
}

skipRedundantEnd(Http2SubchannelCall.prototype as unknown as CallInternals);
