/**
 * What Docker knows about a pod's containers, read from labels and `inspect`. This is the observed
 * half of every sync; the other half is the desired Pod.
 */
import type Dockerode from 'dockerode';
import type { ContainerIdentity } from './labels.js';
import { labelFilters, parseIdentity } from './labels.js';

export interface ObservedContainer extends ContainerIdentity {
  id: string;
  /** Docker's State.Status: created, running, exited, dead, ... */
  status: string;
  running: boolean;
  createdAt: string;
  /** undefined when the container never started */
  startedAt?: string;
  finishedAt?: string;
  exitCode: number;
  oomKilled: boolean;
  /** the engine's error when the start failed (e.g. executable not found) */
  error: string;
  image: string;
  imageID: string;
  /** the sandbox's address on the node network */
  ip?: string;
}

export interface ObservedPod {
  uid: string;
  sandboxes: ObservedContainer[];
  containers: ObservedContainer[];
}

const NEVER = '0001-01-01T00:00:00Z';

/** Millisecond precision: back-off is measured from these; the status shows whole seconds. */
function time(t: string | undefined): string | undefined {
  return t && t !== NEVER ? new Date(t).toISOString() : undefined;
}

/** Map one `inspect` answer; undefined when the labels are not ours. */
export function fromInspect(info: Dockerode.ContainerInspectInfo, network: string): ObservedContainer | undefined {
  const identity = parseIdentity(info.Config.Labels);
  if (!identity) return undefined;
  const s = info.State;
  return {
    ...identity,
    id: info.Id,
    status: s.Status,
    running: s.Running,
    createdAt: time(info.Created) ?? info.Created,
    startedAt: time(s.StartedAt),
    finishedAt: s.Running ? undefined : time(s.FinishedAt),
    exitCode: s.ExitCode,
    oomKilled: s.OOMKilled,
    error: s.Error ?? '',
    image: info.Config.Image,
    imageID: info.Image,
    ip: info.NetworkSettings.Networks?.[network]?.IPAddress || undefined,
  };
}

/** Newest first: by attempt, then creation time. */
export function byNewest(a: ObservedContainer, b: ObservedContainer): number {
  return b.restartCount - a.restartCount || b.createdAt.localeCompare(a.createdAt);
}

export async function observePod(docker: Dockerode, nodeName: string, uid: string, network: string): Promise<ObservedPod> {
  const list = await docker.listContainers({ all: true, filters: { label: labelFilters(nodeName, uid) } });
  const inspected = await Promise.all(list.map((c) => docker.getContainer(c.Id).inspect().catch(ignoreNotFound)));
  const all = inspected.flatMap((i) => (i ? [fromInspect(i, network)] : [])).filter((c): c is ObservedContainer => c !== undefined);
  all.sort(byNewest);
  return { uid, sandboxes: all.filter((c) => c.kind === 'sandbox'), containers: all.filter((c) => c.kind !== 'sandbox') };
}

/** Pod uids that have containers labelled with this node. */
export async function listPodUids(docker: Dockerode, nodeName: string): Promise<Set<string>> {
  const list = await docker.listContainers({ all: true, filters: { label: labelFilters(nodeName) } });
  return new Set(list.flatMap((c) => parseIdentity(c.Labels)?.podUid ?? []));
}

export function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number } | undefined)?.statusCode === 404;
}

/** A container removed between list and inspect is simply gone. */
export function ignoreNotFound(err: unknown): undefined {
  if (isNotFound(err)) return undefined;
  throw err;
}
