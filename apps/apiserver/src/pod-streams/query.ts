/** Typed query parameters for the pod subresources; a bad value is a BadRequest naming the parameter. */
import { ApiError } from '@tugboat/api';

const TRUE = new Set(['true', '1', 't']);
const FALSE = new Set(['false', '0', 'f']);

/** absent → fallback; `?p` and `?p=` → true (Kubernetes converts a present flag to true); true/false/1/0/t/f otherwise */
export function boolParam(q: URLSearchParams, name: string, fallback = false): boolean {
  const raw = q.get(name);
  if (raw === null) return fallback;
  const v = raw.toLowerCase();
  if (v === '' || TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new ApiError('BadRequest', `invalid value "${raw}" for query parameter ${name}: must be true or false`);
}

/** An integer ≥ min, or undefined when absent. */
export function intParam(q: URLSearchParams, name: string, min: number): number | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new ApiError('BadRequest', `invalid value "${raw}" for query parameter ${name}: must be an integer`);
  }
  const n = Number(raw);
  if (n < min) throw new ApiError('BadRequest', `invalid value ${n} for query parameter ${name}: must be greater than or equal to ${min}`);
  return n;
}
