/** Promise wrapper for unary calls with a deadline (calls without one could hang forever). */
import * as grpc from '@grpc/grpc-js';
import { fromServiceError } from './errors.js';

/**
 * grpc-js clients' unary methods are overloaded and TypeScript infers from the last overload,
 * `(request, callback)`, so that is the type accepted here (it gives Req and Res); at run time the
 * `(request, metadata, options, callback)` overload every such method has is called.
 */
export type UnaryMethod<Req, Res> = (req: Req, cb: grpc.requestCallback<Res>) => grpc.ClientUnaryCall;
type FullUnaryMethod<Req, Res> = (req: Req, metadata: grpc.Metadata, options: grpc.CallOptions, cb: grpc.requestCallback<Res>) => grpc.ClientUnaryCall;

export interface CallOptions {
  timeoutMs?: number;
  metadata?: grpc.Metadata;
}

export async function unary<Req, Res>(method: UnaryMethod<Req, Res>, req: Req, opts: CallOptions = {}): Promise<Res> {
  const call = method as unknown as FullUnaryMethod<Req, Res>;
  return await new Promise<Res>((resolve, reject) => {
    call(req, opts.metadata ?? new grpc.Metadata(), { deadline: Date.now() + (opts.timeoutMs ?? 10_000) }, (err, res) => {
      if (err) reject(fromServiceError(err));
      else if (res === undefined) reject(fromServiceError(new Error('empty response')));
      else resolve(res);
    });
  });
}
