/** gRPC status codes and how an answer without one maps to them, with the errors etcd3 throws for them. */
import type { ClientHttp2Stream, IncomingHttpHeaders } from 'node:http2';
import { castGrpcError } from 'etcd3';

// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html) used here
const CODE_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];
export const UNKNOWN = 2;
export const DEADLINE_EXCEEDED = 4;
export const INTERNAL = 13;
export const UNAVAILABLE = 14;
const PERMISSION_DENIED = 7;
const UNIMPLEMENTED = 12;
const UNAUTHENTICATED = 16;

/** An HTTP status without a gRPC status, as gRPC maps it (doc/http-grpc-status-mapping.md). */
export function codeOfHttpStatus(status: number): number {
  switch (status) {
    case 400:
      return INTERNAL;
    case 401:
      return UNAUTHENTICATED;
    case 403:
      return PERMISSION_DENIED;
    case 404:
      return UNIMPLEMENTED;
    case 429:
    case 502:
    case 503:
    case 504:
      return UNAVAILABLE;
    default:
      return UNKNOWN;
  }
}


/** The error etcd3 would have thrown for this status (its classes: GRPCUnavailableError, …). */
export function grpcError(code: number, details: string): Error {
  return castGrpcError(Object.assign(new Error(`${code} ${CODE_NAMES[code] ?? 'UNKNOWN'}: ${details}`), { code, details }));
}


/** grpc-message is percent-encoded. */
export function grpcMessage(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? v.join(', ') : (v ?? '');
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What a call's stream said about its outcome, filled in as its headers and trailers arrive. */
export interface CallStatus {
  /** grpc-status, once seen */
  status?: number;
  /** grpc-message, decoded */
  message?: string;
  /** the HTTP :status of the answer */
  httpStatus?: number;
}

/** Records `stream`'s gRPC status: from its trailers or, for a trailers-only answer (an error), its headers. */
export function recordCallStatus(stream: ClientHttp2Stream): CallStatus {
  const call: CallStatus = {};
  const trailers = (h: IncomingHttpHeaders): void => {
    if (h['grpc-status'] === undefined) return;
    call.status = Number(h['grpc-status']);
    call.message = grpcMessage(h['grpc-message']);
  };
  stream.on('response', (h) => {
    call.httpStatus = Number(h[':status']);
    trailers(h);
  });
  stream.on('trailers', trailers);
  return call;
}
