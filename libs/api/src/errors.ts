/**
 * Typed API errors. Every failure the API can report carries a code from ERROR_CODES;
 * the HTTP status and the meta/v1 Status reason derive from it here and nowhere else.
 */
import type { Status, StatusCause, StatusDetails } from './types/meta.js';

export const ERROR_CODES = {
  BadRequest: { http: 400, grpc: 3 },
  Unauthorized: { http: 401, grpc: 16 },
  Forbidden: { http: 403, grpc: 7 },
  NotFound: { http: 404, grpc: 5 },
  MethodNotAllowed: { http: 405, grpc: 12 },
  NotAcceptable: { http: 406, grpc: 3 },
  AlreadyExists: { http: 409, grpc: 6 },
  Conflict: { http: 409, grpc: 10 },
  Expired: { http: 410, grpc: 11 },
  RequestEntityTooLarge: { http: 413, grpc: 8 },
  UnsupportedMediaType: { http: 415, grpc: 3 },
  Invalid: { http: 422, grpc: 3 },
  TooManyRequests: { http: 429, grpc: 8 },
  InternalError: { http: 500, grpc: 13 },
  ServiceUnavailable: { http: 503, grpc: 14 },
  Timeout: { http: 504, grpc: 4 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ApiErrorOptions {
  details?: StatusDetails;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: StatusDetails | undefined;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  get grpcStatus(): number {
    return ERROR_CODES[this.code].grpc;
  }

  toStatus(): Status {
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.code,
      code: this.httpStatus,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

export function isApiError(err: unknown, code?: ErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** Anything thrown at a boundary becomes an ApiError; unknown failures are InternalError and keep their cause. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('InternalError', `Internal error occurred: ${message}`, { cause: err });
}

/** Rebuild an ApiError from a Status body received over the wire (client side). */
export function apiErrorFromStatus(status: Partial<Status>, httpStatus: number): ApiError {
  const code = (Object.keys(ERROR_CODES) as ErrorCode[]).find((c) => c === status.reason)
    ?? codeForHttpStatus(httpStatus);
  return new ApiError(code, status.message ?? `HTTP ${httpStatus}`, { details: status.details });
}

function codeForHttpStatus(http: number): ErrorCode {
  const match = (Object.entries(ERROR_CODES) as [ErrorCode, { http: number }][]).find(([, v]) => v.http === http);
  return match ? match[0] : http >= 500 ? 'InternalError' : 'BadRequest';
}

/** Human names as Kubernetes prints them: `deployments.apps "web" not found`. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const errors = {
  notFound(resource: string, group: string, name: string): ApiError {
    return new ApiError('NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, {
      details: { name, group, kind: resource },
    });
  },
  alreadyExists(resource: string, group: string, name: string): ApiError {
    return new ApiError('AlreadyExists', `${qualifiedResource(resource, group)} "${name}" already exists`, {
      details: { name, group, kind: resource },
    });
  },
  conflict(resource: string, group: string, name: string, why: string): ApiError {
    return new ApiError(
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`,
      { details: { name, group, kind: resource } },
    );
  },
  /** A write from a stale copy (the compare-and-swap lost): Kubernetes' message, which clients show as is. */
  modified(resource: string, group: string, name: string): ApiError {
    return errors.conflict(resource, group, name, 'the object has been modified; please apply your changes to the latest version and try again');
  },
  invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiError {
    const list = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
    const summary = causes.length === 1 ? list : `[${list}]`;
    return new ApiError('Invalid', `${kind} "${name}" is invalid: ${summary}`, {
      details: { name, group, kind, causes },
    });
  },
  badRequest(message: string): ApiError {
    return new ApiError('BadRequest', message);
  },
  expired(message: string): ApiError {
    return new ApiError('Expired', message);
  },
};
