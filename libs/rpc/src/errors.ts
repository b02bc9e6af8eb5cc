/**
 * Errors cross gRPC as the status code from @tugboat/api's error table plus the Kubernetes Status
 * object in trailing metadata, so the other side rebuilds the same ApiError (reason, details).
 */
import * as grpc from '@grpc/grpc-js';
import { ApiError, ERROR_CODES, toApiError } from '@tugboat/api';
import type { ErrorCode, Status } from '@tugboat/api';

const STATUS_KEY = 'tugboat-status-bin';

export function toServiceError(err: unknown): Partial<grpc.StatusObject> {
  const api = toApiError(err);
  const metadata = new grpc.Metadata();
  metadata.set(STATUS_KEY, Buffer.from(JSON.stringify(api.toStatus())));
  return { code: api.grpcStatus, details: api.message, metadata };
}

/** Any error from a gRPC call as an ApiError; transport failures become ServiceUnavailable or Timeout. */
export function fromServiceError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as Partial<grpc.ServiceError>;
  const raw = e.metadata?.get(STATUS_KEY)[0];
  if (raw !== undefined) {
    try {
      const status = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw) as Status;
      const code = status.reason as ErrorCode;
      if (code in ERROR_CODES) return new ApiError(code, status.message ?? e.details ?? '', { details: status.details, cause: err });
    } catch {
      // fall through to the status code
    }
  }
  const code = codeForGrpc(e.code);
  return new ApiError(code, e.details || e.message || 'gRPC call failed', { cause: err });
}

function codeForGrpc(code: number | undefined): ErrorCode {
  switch (code) {
    case grpc.status.UNAVAILABLE: return 'ServiceUnavailable';
    case grpc.status.DEADLINE_EXCEEDED: return 'Timeout';
    case grpc.status.CANCELLED: return 'ServiceUnavailable';
    case grpc.status.UNAUTHENTICATED: return 'Unauthorized';
    case grpc.status.PERMISSION_DENIED: return 'Forbidden';
    case grpc.status.NOT_FOUND: return 'NotFound';
    case grpc.status.ALREADY_EXISTS: return 'AlreadyExists';
    case grpc.status.INVALID_ARGUMENT: return 'BadRequest';
    default: return 'InternalError';
  }
}

/** Wrap a handler so a thrown error or rejected promise answers with the mapped status. */
export function unaryHandler<Req, Res>(fn: (call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    fn(call).then((res) => callback(null, res), (err: unknown) => callback(toServiceError(err)));
  };
}
