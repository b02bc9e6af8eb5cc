/**
 * Turning a failed response into the ApiError the server meant: the body of every apiserver error
 * is a meta/v1 Status, and its `reason` (or failing that the HTTP code) picks the ApiError code.
 */
import { apiErrorFromStatus } from '@tugboat/api';
import type { ApiError, Status } from '@tugboat/api';

export function errorFromResponse(httpStatus: number, body: Buffer): ApiError {
  const text = body.toString('utf8');
  const parsed = tryParse(text);
  if (isStatus(parsed)) return apiErrorFromStatus(parsed, parsed.code ?? httpStatus);
  return apiErrorFromStatus({ message: text.trim() || `HTTP ${httpStatus}` }, httpStatus);
}

/** The ERROR event of a watch carries a Status in `object`; its `code` decides the error (410 → Expired). */
export function errorFromWatchObject(object: unknown): ApiError {
  if (isStatus(object)) return apiErrorFromStatus(object, object.code ?? 500);
  return apiErrorFromStatus({ message: 'watch ERROR event without a Status' }, 500);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isStatus(v: unknown): v is Partial<Status> {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Status';
}
