/**
 * Fixes to grpc-js applied at load.
 *
 * 1. Until grpc/grpc-node#3082 ships: when a call ends, grpc-js calls
 * end() on its HTTP/2 stream even when its side already half-closed (every unary and server-streaming
 * call), and Node answers a second end() by building an ERR_STREAM_ALREADY_FINISHED error, stack trace
 * included, only to drop it. That was 2–5 % of the CPU of the apiserver (its etcd client) and of the
 * agents (their unary calls). Skipping the end() when the stream's writable side has ended changes
 * nothing else: Node ignores such an end() but for that error. grpc-js is pinned (1.14.3); the check
 * below fails loudly if the method moves.
 */
import { BaseServerInterceptingCall } from '@grpc/grpc-js/build/src/server-interceptors.js';
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

/**
 * 2. A server call's getAuthContext() asks the TLS socket for the peer certificate every time, and
 * Node builds it afresh (a JS object with the raw DER, fingerprints, the issuer chain): 6 % of the
 * apiserver while agents report pod statuses, one unary call each. The peer's certificate is fixed
 * for the life of its connection (anything a peer presents it has proven it holds the key of), so
 * the answer is kept per HTTP/2 session, and dies with it.
 */
interface ServerCallInternals {
  stream?: { session?: object };
  getAuthContext(): unknown;
}

export function authContextPerSession(proto: ServerCallInternals): void {
  const original = proto.getAuthContext;
  if (typeof original !== 'function') throw new Error('grpc-js changed: BaseServerInterceptingCall.getAuthContext is gone (see libs/rpc/src/grpc-fixes.ts)');
  if ((original as { perSession?: true }).perSession) return;
  const bySession = new WeakMap<object, unknown>();
  const cached = function (this: ServerCallInternals): unknown {
    const session = this.stream?.session;
    if (!session) return original.call(this);
    let ctx = bySession.get(session);
    if (ctx === undefined) {
      ctx = original.call(this);
      bySession.set(session, ctx);
    }
    return ctx;
  };
  proto.getAuthContext = Object.assign(cached, { perSession: true as const });
}

authContextPerSession(BaseServerInterceptingCall.prototype as unknown as ServerCallInternals);
