/**
 * Kubeconfig loading: find the file (explicit path, then $KUBECONFIG, then ~/.kube/config), parse it
 * with `yaml`, validate every entry with path-precise errors, and resolve the current context into
 * one typed, readonly KubeConfig. File references (certificate-authority, client-certificate,
 * client-key) are read at load time, relative to the kubeconfig's directory as kubectl does.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigError, base64, join, mapping, optBool, optList, optString, reqString } from './config-reader.js';
import type { Mapping } from './config-reader.js';

export interface ClusterConfig {
  readonly name: string;
  readonly server: string;
  readonly certificateAuthorityData?: Buffer | undefined;
  readonly insecureSkipTlsVerify: boolean;
}

export interface UserConfig {
  readonly name: string;
  readonly token?: string | undefined;
  readonly clientCertificateData?: Buffer | undefined;
  readonly clientKeyData?: Buffer | undefined;
}

export interface KubeConfig {
  /** the file this came from, when it came from a file */
  readonly source?: string | undefined;
  readonly contextName: string;
  readonly cluster: ClusterConfig;
  readonly user: UserConfig;
  /** the context's namespace, `default` when unset */
  readonly namespace: string;
}

export interface ParseKubeConfigOptions {
  /** use this context instead of current-context (kubectl's --context) */
  context?: string | undefined;
  /** where relative file references resolve from */
  baseDir?: string | undefined;
  source?: string | undefined;
  readFile?: ((file: string) => Buffer) | undefined;
}

export function parseKubeConfig(text: string, opts: ParseKubeConfigOptions = {}): KubeConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new ConfigError('', `kubeconfig is not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  const root = mapping(doc ?? {}, '');
  const files = { baseDir: opts.baseDir ?? process.cwd(), readFile: opts.readFile ?? ((f: string) => readFileSync(f)) };
  const clusters = named(root, 'clusters', 'cluster', (m, p) => readCluster(m, p, files));
  const users = named(root, 'users', 'user', (m, p) => readUser(m, p, files));
  const contexts = named(root, 'contexts', 'context', readContext);
  const contextName = opts.context ?? optString(root, 'current-context', '');
  if (!contextName) throw new ConfigError('current-context', 'is not set and no context was given');
  const ctx = contexts.get(contextName);
  if (!ctx) throw new ConfigError('contexts', `has no context named "${contextName}"`);
  const cluster = clusters.get(ctx.value.cluster);
  if (!cluster) throw new ConfigError(`${ctx.path}.cluster`, `names cluster "${ctx.value.cluster}", which is not in clusters`);
  const user = ctx.value.user === undefined ? {} : users.get(ctx.value.user)?.value;
  if (!user) throw new ConfigError(`${ctx.path}.user`, `names user "${ctx.value.user}", which is not in users`);
  return {
    source: opts.source,
    contextName,
    cluster: { name: ctx.value.cluster, ...cluster.value },
    user: { name: ctx.value.user ?? '', ...user },
    namespace: ctx.value.namespace ?? 'default',
  };
}

export interface LoadKubeConfigOptions {
  /** `--kubeconfig`: wins over $KUBECONFIG and the default path */
  path?: string | undefined;
  context?: string | undefined;
  env?: Readonly<Record<string, string | undefined>> | undefined;
  homeDir?: string | undefined;
}

/** The file kubectl would read. $KUBECONFIG may list several files; the first one is used (no merging). */
export function kubeConfigPath(opts: LoadKubeConfigOptions = {}): string {
  if (opts.path) return opts.path;
  const fromEnv = (opts.env ?? process.env).KUBECONFIG?.split(path.delimiter).find((p) => p !== '');
  return fromEnv ?? path.join(opts.homeDir ?? homedir(), '.kube', 'config');
}

export function loadKubeConfig(opts: LoadKubeConfigOptions = {}): KubeConfig {
  const file = path.resolve(kubeConfigPath(opts));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('', `cannot read kubeconfig ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return parseKubeConfig(text, { context: opts.context, baseDir: path.dirname(file), source: file });
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(err.path, `${err.problem} (in ${file})`, { cause: err.cause });
    throw err;
  }
}

interface Files {
  baseDir: string;
  readFile: (file: string) => Buffer;
}

interface ContextEntry {
  cluster: string;
  user?: string | undefined;
  namespace?: string | undefined;
}

/** `[{ name, <inner>: {...} }]` → Map by name, each value parsed by `read` with its path. */
function named<T>(root: Mapping, list: string, inner: string, read: (m: Mapping, path: string) => T): Map<string, { value: T; path: string }> {
  const out = new Map<string, { value: T; path: string }>();
  optList(root, list, '').forEach((entry, i) => {
    const at = `${list}[${i}]`;
    const m = mapping(entry, at);
    const name = reqString(m, 'name', at);
    const innerPath = join(at, inner);
    out.set(name, { value: read(mapping(m[inner], innerPath), innerPath), path: innerPath });
  });
  return out;
}

function readCluster(m: Mapping, at: string, files: Files): Omit<ClusterConfig, 'name'> {
  const server = reqString(m, 'server', at);
  if (!/^https?:\/\/[^/]/.test(server)) throw new ConfigError(join(at, 'server'), 'must be an http:// or https:// URL');
  const caData = base64(optString(m, 'certificate-authority-data', at), join(at, 'certificate-authority-data'));
  return {
    server,
    certificateAuthorityData: caData ?? fileRef(m, 'certificate-authority', at, files),
    insecureSkipTlsVerify: optBool(m, 'insecure-skip-tls-verify', at) ?? false,
  };
}

function readUser(m: Mapping, at: string, files: Files): Omit<UserConfig, 'name'> {
  const cert = base64(optString(m, 'client-certificate-data', at), join(at, 'client-certificate-data'));
  const key = base64(optString(m, 'client-key-data', at), join(at, 'client-key-data'));
  return {
    token: optString(m, 'token', at),
    clientCertificateData: cert ?? fileRef(m, 'client-certificate', at, files),
    clientKeyData: key ?? fileRef(m, 'client-key', at, files),
  };
}

function readContext(m: Mapping, at: string): ContextEntry {
  return { cluster: reqString(m, 'cluster', at), user: optString(m, 'user', at), namespace: optString(m, 'namespace', at) || undefined };
}

function fileRef(m: Mapping, key: string, at: string, files: Files): Buffer | undefined {
  const ref = optString(m, key, at);
  if (ref === undefined) return undefined;
  const file = path.resolve(files.baseDir, ref);
  try {
    return files.readFile(file);
  } catch (err) {
    throw new ConfigError(join(at, key), `cannot be read from ${file}: ${(err as Error).message}`, { cause: err });
  }
}
