/**
 * Narrowing helpers for walking objects that arrived as JSON and may not match their types yet.
 * Defaulting and validation both run before anything is known to be well-typed, so they read
 * through these instead of casting.
 */

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `parent[key]` when it is an object, else undefined. */
export function recAt(parent: unknown, key: string): Rec | undefined {
  if (!isRecord(parent)) return undefined;
  const v = parent[key];
  return isRecord(v) ? v : undefined;
}

/** The object items of the array at `parent[key]`, with their indexes (non-objects skipped). */
export function recItems(parent: unknown, key: string): [Rec, number][] {
  const v = isRecord(parent) ? parent[key] : undefined;
  if (!Array.isArray(v)) return [];
  const out: [Rec, number][] = [];
  v.forEach((item: unknown, i) => {
    if (isRecord(item)) out.push([item, i]);
  });
  return out;
}

export function strAt(parent: unknown, key: string): string | undefined {
  const v = isRecord(parent) ? parent[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function numAt(parent: unknown, key: string): number | undefined {
  const v = isRecord(parent) ? parent[key] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A string→string map at `parent[key]` (non-string values dropped). */
export function strMapAt(parent: unknown, key: string): Record<string, string> | undefined {
  const m = recAt(parent, key);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Set `rec[key]` when it is absent (undefined or null), as Go defaulting fills nil pointers. */
export function setDefault(rec: Rec, key: string, value: unknown): void {
  if (rec[key] === undefined || rec[key] === null) rec[key] = value;
}

/** Set `rec[key]` when absent or the empty string, as Go defaulting fills zero-value strings. */
export function setDefaultString(rec: Rec, key: string, value: string): void {
  if (rec[key] === undefined || rec[key] === null || rec[key] === '') rec[key] = value;
}

/** The object at `rec[key]`, created empty when absent; undefined when something else is there. */
export function ensureRec(rec: Rec, key: string): Rec | undefined {
  setDefault(rec, key, {});
  return recAt(rec, key);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
