/**
 * Tiny path-tracking readers for untyped config trees (parsed YAML). Every failure names the exact
 * field, e.g. `users[0].user.token must be a string`, so a broken kubeconfig is fixable from the message.
 */
export class ConfigError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(path ? `${path} ${problem}` : problem, options);
    this.name = 'ConfigError';
  }
}

export type Mapping = Readonly<Record<string, unknown>>;

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function mapping(value: unknown, path: string): Mapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(path, 'must be a mapping');
  return value as Mapping;
}

export function optString(m: Mapping, key: string, path: string): string | undefined {
  const v = m[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ConfigError(join(path, key), 'must be a string');
  return v;
}

export function reqString(m: Mapping, key: string, path: string): string {
  const v = optString(m, key, path);
  if (v === undefined || v === '') throw new ConfigError(join(path, key), 'is required');
  return v;
}

export function optBool(m: Mapping, key: string, path: string): boolean | undefined {
  const v = m[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new ConfigError(join(path, key), 'must be a boolean');
  return v;
}

/** A missing list is an empty list, as in kubectl's loader. */
export function optList(m: Mapping, key: string, path: string): readonly unknown[] {
  const v = m[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(join(path, key), 'must be a list');
  return v;
}

export function base64(value: string | undefined, path: string): Buffer | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9+/=\s]*$/.test(value)) throw new ConfigError(path, 'must be base64 data');
  return Buffer.from(value, 'base64');
}
