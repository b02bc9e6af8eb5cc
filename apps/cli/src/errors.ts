/** Errors printed the way kubectl prints them. */
import { ApiError, apiErrorFromStatus } from '@tugboat/api';
import type { Status } from '@tugboat/api';

interface ApiErrorLike {
  code: string;
  message: string;
}

function isApiErrorLike(err: unknown): err is ApiErrorLike {
  return err instanceof ApiError || (err instanceof Error && err.name === 'ApiError' && typeof (err as { code?: unknown }).code === 'string');
}

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

/** The line (without newline) that describes `err` to the user. `server` is the apiserver URL, if known. */
export function formatError(err: unknown, server?: string): string {
  if (isApiErrorLike(err)) return `Error from server (${err.code}): ${err.message}`;
  const net = networkCode(err);
  if (server && (net === 'ECONNREFUSED' || net === 'ENOTFOUND' || net === 'EHOSTUNREACH')) {
    let host = server;
    try {
      host = new URL(server).host;
    } catch {
      // keep the raw value
    }
    if (net === 'ECONNREFUSED') return `The connection to the server ${host} was refused - did you specify the right host or port?`;
    return `Unable to connect to the server: dial tcp ${host}: ${net}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `error: ${message}`;
}

/** The same server error, its message prefixed as kubectl does: `error when creating "web.yaml": …`. */
export function withSource(err: unknown, action: string, source: string): unknown {
  if (err instanceof ApiError) {
    return new ApiError(err.code, `error when ${action} "${source}": ${err.message}`, { details: err.details, cause: err });
  }
  return err;
}

/** Turn a non-2xx raw response (a Status body, usually) into an ApiError. */
export function errorFromBody(status: number, body: Buffer): ApiError {
  const text = body.toString('utf8');
  try {
    const parsed = JSON.parse(text) as Partial<Status>;
    if (parsed && parsed.kind === 'Status') return apiErrorFromStatus(parsed, parsed.code ?? status);
  } catch {
    // not JSON
  }
  return apiErrorFromStatus({ message: text.trim() || `the server responded with HTTP ${status}` }, status);
}

/**
 * Run `action` for every item as kubectl does for multi-object verbs: one failure is printed and does
 * not stop the others; the result is the exit code (1 if any failed).
 */
export async function forEachReportingErrors<T>(
  items: readonly T[],
  report: { stderr: { write(s: string): unknown }; server?: string },
  action: (item: T) => Promise<void>,
): Promise<number> {
  let failed = false;
  for (const item of items) {
    try {
      await action(item);
    } catch (err) {
      failed = true;
      report.stderr.write(formatError(err, report.server) + '\n');
    }
  }
  return failed ? 1 : 0;
}
