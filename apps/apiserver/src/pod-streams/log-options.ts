/** The query of GET pods/<name>/log (Kubernetes' PodLogOptions), validated. */
import { ApiError } from '@tugboat/api';
import { boolParam, intParam } from './query.js';

export interface LogOptions {
  container: string | undefined;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  limitBytes?: number;
}

/** `sinceTime` (RFC 3339, kubectl --since-time) becomes whole seconds before `now`, rounded up so nothing is lost. */
function sinceTimeSeconds(raw: string, now: Date): number {
  const t = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(t)) {
    throw new ApiError('BadRequest', `invalid value "${raw}" for query parameter sinceTime: must be an RFC 3339 time`);
  }
  return Math.max(1, Math.ceil((now.getTime() - t) / 1000));
}

export function parseLogOptions(q: URLSearchParams, now = new Date()): LogOptions {
  const opts: LogOptions = {
    container: q.get('container') || undefined,
    follow: boolParam(q, 'follow'),
    previous: boolParam(q, 'previous'),
    timestamps: boolParam(q, 'timestamps'),
  };
  const tailLines = intParam(q, 'tailLines', 0);
  if (tailLines !== undefined) opts.tailLines = tailLines;
  const limitBytes = intParam(q, 'limitBytes', 1);
  if (limitBytes !== undefined) opts.limitBytes = limitBytes;
  const sinceSeconds = intParam(q, 'sinceSeconds', 1);
  const sinceTime = q.get('sinceTime');
  if (sinceSeconds !== undefined && sinceTime) throw new ApiError('BadRequest', 'at most one of sinceTime or sinceSeconds may be specified');
  if (sinceSeconds !== undefined) opts.sinceSeconds = sinceSeconds;
  else if (sinceTime) opts.sinceSeconds = sinceTimeSeconds(sinceTime, now);
  return opts;
}
