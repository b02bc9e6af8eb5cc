/**
 * A small Docker Engine API client: only the calls the agent (and its test helpers) make, over the
 * unix socket with `node:http` (engine-http.ts). It replaces dockerode, whose modem (with ssh2 and
 * BuildKit's gRPC session) cost the agent ~28 MB of RSS for features it never used.
 *
 *   const engine = new EngineClient();            // /var/run/docker.sock, API v1.41
 *   const { Id } = await engine.createContainer({ name, Image, ... });
 *   await engine.startContainer(Id);
 *   engine.close();                                // the owner closes it
 *
 * Failures reject with EngineError (statusCode and the engine's message).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type {
  ContainerCreateOptions, ContainerInspect, ContainerStats, ContainerSummary, EngineInfo, ExecCreateOptions, ExecInspect,
  Filters, NetworkCreateOptions, NetworkInspect, VolumeSummary,
} from './engine-types.js';
import { DEFAULT_SOCKET_PATH, EngineHttp } from './engine-http.js';

export { EngineError } from './engine-http.js';

export interface EngineClientOptions {
  socketPath?: string;
  /** e.g. 'v1.41' */
  apiVersion?: string;
}

export interface LogsQuery {
  follow: boolean;
  timestamps?: boolean;
  tail?: number;
  /** unix seconds; 0: from the start */
  since?: number;
}

/** Where the agent finds the engine: a client, or (callers not moved yet) a dockerode instance, of which only the socket path is used. */
export type DockerEndpoint = EngineClient | { modem: object };

const id = encodeURIComponent;

export class EngineClient {
  private readonly http: EngineHttp;

  constructor(opts: EngineClientOptions = {}) {
    this.http = new EngineHttp(opts.socketPath ?? DEFAULT_SOCKET_PATH, opts.apiVersion);
  }

  get socketPath(): string {
    return this.http.socketPath;
  }

  close(): void {
    this.http.close();
  }

  // ---------------------------------------------------------------- system

  info(): Promise<EngineInfo> {
    return this.http.json('GET', '/info');
  }

  /** The engine's event stream (newline-delimited JSON) until the caller destroys it. */
  events(query: { since?: number; filters?: Filters }): Promise<IncomingMessage> {
    return this.http.stream('GET', '/events', { query });
  }

  // ---------------------------------------------------------------- containers

  listContainers(query: { all?: boolean; filters?: Filters } = {}): Promise<ContainerSummary[]> {
    return this.http.json('GET', '/containers/json', { query });
  }

  createContainer(spec: ContainerCreateOptions): Promise<{ Id: string }> {
    const { name, ...body } = spec;
    return this.http.json('POST', '/containers/create', { query: { name }, body });
  }

  inspectContainer(containerId: string): Promise<ContainerInspect> {
    return this.http.json('GET', `/containers/${id(containerId)}/json`);
  }

  async startContainer(containerId: string): Promise<void> {
    await this.http.json('POST', `/containers/${id(containerId)}/start`);
  }

  /** Resolves on 304 (already stopped) too: callers check `statusCode` only on errors. */
  async stopContainer(containerId: string, graceSeconds: number): Promise<void> {
    await this.http.json('POST', `/containers/${id(containerId)}/stop`, { query: { t: graceSeconds } });
  }

  async killContainer(containerId: string, signal = 'SIGKILL'): Promise<void> {
    await this.http.json('POST', `/containers/${id(containerId)}/kill`, { query: { signal } });
  }

  async removeContainer(containerId: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    await this.http.json('DELETE', `/containers/${id(containerId)}`, { query: { force: opts.force, v: opts.volumes } });
  }

  /** stdout and stderr, framed (demux.ts) unless the container has a TTY. */
  logs(containerId: string, query: LogsQuery & { follow: false }): Promise<Buffer>;
  logs(containerId: string, query: LogsQuery & { follow: true }): Promise<IncomingMessage>;
  logs(containerId: string, query: LogsQuery): Promise<Buffer | IncomingMessage> {
    const path = `/containers/${id(containerId)}/logs`;
    const q = { stdout: true, stderr: true, ...query };
    return query.follow ? this.http.stream('GET', path, { query: q }) : this.http.buffer('GET', path, { query: q });
  }

  /** One sample; the engine waits for a second one so precpu_stats is filled. */
  stats(containerId: string): Promise<ContainerStats> {
    return this.http.json('GET', `/containers/${id(containerId)}/stats`, { query: { stream: false } });
  }

  // ---------------------------------------------------------------- exec

  createExec(containerId: string, opts: ExecCreateOptions): Promise<{ Id: string }> {
    return this.http.json('POST', `/containers/${id(containerId)}/exec`, { body: opts });
  }

  /** The hijacked connection: stdin goes in, output comes out (framed unless tty). */
  startExec(execId: string, opts: { tty: boolean }): Promise<Duplex> {
    return this.http.upgrade(`/exec/${id(execId)}/start`, { body: { Detach: false, Tty: opts.tty } });
  }

  inspectExec(execId: string): Promise<ExecInspect> {
    return this.http.json('GET', `/exec/${id(execId)}/json`);
  }

  async resizeExec(execId: string, cols: number, rows: number): Promise<void> {
    await this.http.json('POST', `/exec/${id(execId)}/resize`, { query: { w: cols, h: rows } });
  }

  // ---------------------------------------------------------------- images

  inspectImage(name: string): Promise<{ Id: string }> {
    // A reference keeps its slashes in the path (registry/repo:tag); each segment is escaped.
    return this.http.json('GET', `/images/${name.split('/').map(id).join('/')}/json`);
  }

  /** The pull's progress stream (newline-delimited JSON; a failure arrives as an `error` entry). */
  pullImage(fromImage: string, tag: string): Promise<IncomingMessage> {
    return this.http.stream('POST', '/images/create', { query: { fromImage, tag } });
  }

  // ---------------------------------------------------------------- networks and volumes

  listNetworks(query: { filters?: Filters } = {}): Promise<NetworkInspect[]> {
    return this.http.json('GET', '/networks', { query });
  }

  inspectNetwork(nameOrId: string): Promise<NetworkInspect> {
    return this.http.json('GET', `/networks/${id(nameOrId)}`);
  }

  createNetwork(opts: NetworkCreateOptions): Promise<{ Id: string }> {
    return this.http.json('POST', '/networks/create', { body: opts });
  }

  async removeNetwork(nameOrId: string): Promise<void> {
    await this.http.json('DELETE', `/networks/${id(nameOrId)}`);
  }

  async listVolumes(query: { filters?: Filters } = {}): Promise<VolumeSummary[]> {
    const res = await this.http.json<{ Volumes?: VolumeSummary[] | null }>('GET', '/volumes', { query });
    return res.Volumes ?? [];
  }

  async removeVolume(name: string): Promise<void> {
    await this.http.json('DELETE', `/volumes/${id(name)}`);
  }
}

/** The client for an endpoint, and whether the caller made it (and so must close it). */
export function engineFor(endpoint: DockerEndpoint | undefined): { engine: EngineClient; owned: boolean } {
  if (endpoint && !('modem' in endpoint)) return { engine: endpoint, owned: false };
  const socketPath = (endpoint?.modem as { socketPath?: unknown } | undefined)?.socketPath;
  return { engine: new EngineClient({ socketPath: typeof socketPath === 'string' ? socketPath : undefined }), owned: true };
}
