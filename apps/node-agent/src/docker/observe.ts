/**
 * What Docker knows about a pod's containers, read from labels and `inspect`. This is the observed
 * half of every sync; the other half is the desired Pod.
 *
 * One `list` (filtered by the pod's labels) per observation; `inspect` only for containers whose
 * state the InspectCache does not hold: a container's inspect answer (times, exit code, IP) only
 * changes when its state does, which the list shows (created → running → exited) and Docker's
 * events announce. A healthy pod's sync is then a single engine call.
 */
import type { EngineClient } from './engine-client.js';
import type { ContainerInspect } from './engine-types.js';
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
export function fromInspect(info: ContainerInspect, network: string): ObservedContainer | undefined {
  const identity = parseIdentity(info.Config.Labels ?? undefined);
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

/**
 * The last inspect of each container, valid while its state stays what it was then. Entries go on
 * forget() (a Docker event for the container) and when a pod's list no longer shows them.
 */
export class InspectCache {
  private readonly byId = new Map<string, ObservedContainer>();

  /** Only settled states: a created container's inspect changes when a start fails (State.Error). */
  static readonly SETTLED: readonly string[] = ['running', 'exited', 'dead'];

  get(id: string, status: string): ObservedContainer | undefined {
    const c = this.byId.get(id);
    return c && c.status === status ? c : undefined;
  }

  put(c: ObservedContainer): void {
    if (InspectCache.SETTLED.includes(c.status)) this.byId.set(c.id, c);
  }

  forget(id: string): void {
    this.byId.delete(id);
  }

  /** Drop the pod's entries that are not among `present`. */
  retain(podUid: string, present: Set<string>): void {
    for (const [id, c] of this.byId) if (c.podUid === podUid && !present.has(id)) this.byId.delete(id);
  }

  get size(): number {
    return this.byId.size;
  }
}

export interface ObserveContext {
  docker: EngineClient;
  nodeName: string;
  network: string;
  cache?: InspectCache;
}

export async function observePod(ctx: ObserveContext, uid: string): Promise<ObservedPod> {
  const { docker, cache } = ctx;
  const list = await docker.listContainers({ all: true, filters: { label: labelFilters(ctx.nodeName, uid) } });
  const observed = await Promise.all(list.map(async (c) => {
    const cached = cache?.get(c.Id, c.State);
    if (cached) return cached;
    const info = await docker.inspectContainer(c.Id).catch(ignoreNotFound);
    const o = info && fromInspect(info, ctx.network);
    if (o) cache?.put(o);
    return o;
  }));
  cache?.retain(uid, new Set(list.map((c) => c.Id)));
  const all = observed.filter((c): c is ObservedContainer => c !== undefined);
  all.sort(byNewest);
  return { uid, sandboxes: all.filter((c) => c.kind === 'sandbox'), containers: all.filter((c) => c.kind !== 'sandbox') };
}

export function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number } | undefined)?.statusCode === 404;
}

/** A container removed between list and inspect is simply gone. */
export function ignoreNotFound(err: unknown): undefined {
  if (isNotFound(err)) return undefined;
  throw err;
}
