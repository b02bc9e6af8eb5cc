/**
 * The parts of Docker Engine API 1.41 documents that the agent sends or reads
 * (https://docs.docker.com/engine/api/v1.41/). Fields the agent never touches are left out; the
 * engine sends them anyway and they are simply not typed.
 */

export interface MountSettings {
  Type: 'bind' | 'volume' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: {
    NoCopy?: boolean;
    Labels?: Record<string, string>;
    DriverConfig?: { Name?: string; Options?: Record<string, string> };
  };
}

export interface PortBinding {
  HostIp?: string;
  HostPort?: string;
}

export interface HostConfig {
  NetworkMode?: string;
  PortBindings?: Record<string, PortBinding[]>;
  Dns?: string[];
  DnsSearch?: string[];
  DnsOptions?: string[];
  ExtraHosts?: string[];
  Mounts?: MountSettings[];
  Binds?: string[];
  NanoCpus?: number;
  Memory?: number;
  RestartPolicy?: { Name: string; MaximumRetryCount?: number };
}

/** POST /containers/create: `name` goes into the query, everything else is the body. */
export interface ContainerCreateOptions {
  name?: string;
  Image: string;
  Hostname?: string;
  Domainname?: string;
  Entrypoint?: string[];
  Cmd?: string[];
  WorkingDir?: string;
  Env?: string[];
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, object>;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  HostConfig?: HostConfig;
}

export interface EndpointSettings {
  IPAddress?: string;
}

/** GET /containers/{id}/json */
export interface ContainerInspect {
  Id: string;
  Created: string;
  Image: string;
  State: {
    Status: string;
    Running: boolean;
    OOMKilled: boolean;
    ExitCode: number;
    Error?: string;
    StartedAt: string;
    FinishedAt: string;
  };
  Config: { Image: string; Labels?: Record<string, string> | null; Tty?: boolean };
  HostConfig: HostConfig;
  NetworkSettings: { Networks?: Record<string, EndpointSettings> };
}

/** One entry of GET /containers/json */
export interface ContainerSummary {
  Id: string;
  Names?: string[];
  Image: string;
  ImageID: string;
  /** unix seconds */
  Created: number;
  Labels?: Record<string, string> | null;
  /** created, running, exited, dead, ... */
  State: string;
  NetworkSettings?: { Networks?: Record<string, EndpointSettings> };
}

/** GET /containers/{id}/stats?stream=false */
export interface ContainerStats {
  read: string;
  preread: string;
  cpu_stats: { cpu_usage: { total_usage: number } };
  precpu_stats?: { cpu_usage?: { total_usage?: number } };
  memory_stats: { usage?: number; stats?: Record<string, number> };
}

export interface ExecCreateOptions {
  Cmd: string[];
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  Tty?: boolean;
}

/** GET /exec/{id}/json */
export interface ExecInspect {
  Running: boolean;
  ExitCode: number | null;
}

export interface NetworkCreateOptions {
  Name: string;
  Driver?: string;
  CheckDuplicate?: boolean;
  IPAM?: { Driver?: string; Config?: { Subnet?: string; Gateway?: string }[] };
  Labels?: Record<string, string>;
}

/** GET /networks and GET /networks/{id} */
export interface NetworkInspect {
  Id: string;
  Name: string;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] | null };
  Labels?: Record<string, string> | null;
}

export interface VolumeSummary {
  Name: string;
  Labels?: Record<string, string> | null;
}

/** GET /info (the fields the Node object is made of) */
export interface EngineInfo {
  ID?: string;
  NCPU?: number;
  MemTotal?: number;
  KernelVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  ServerVersion?: string;
}

/** Docker's list filters, e.g. `{ label: ['a=b'], type: ['container'] }` (sent as JSON). */
export type Filters = Record<string, string[]>;
