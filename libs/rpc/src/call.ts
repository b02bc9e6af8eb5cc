/** Promise wrapper for unary calls with a deadline (calls without one could hang forever). */
import * as grpc from '@grpc/grpc-js';
import { fromServiceError } from './errors.js';

export type UnaryMethod<Req, Res> = (req: Req, metadata: grpc.Metadata, options: grpc.CallOptions, cb: grpc.requestCallback<Res>) => grpc.ClientUnaryCall;

export interface CallOptions {
  timeoutMs?: number;
  metadata?: grpc.Metadata;
}

export async function unary<Req, Res>(method: UnaryMethod<Req, Res>, req: Req, opts: CallOptions = {}): Promise<Res> {
  return await new Promise<Res>((resolve, reject) => {
    method(req, opts.metadata ?? new grpc.Metadata(), { deadline: Date.now() + (opts.timeoutMs ?? 10_000) }, (err, res) => {
      if (err) reject(fromServiceError(err));
      else if (res === undefined) reject(fromServiceError(new Error('empty response')));
      else resolve(res);
    });
  });
}
