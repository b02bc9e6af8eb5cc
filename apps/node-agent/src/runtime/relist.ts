/**
 * The periodic safety net, PLEG-style (the kubelet's pod lifecycle event generator): one `list` of
 * the node's containers, and the pods whose containers (ids and states) differ from the previous
 * list. Docker's events normally announce every change; this catches what a broken event stream
 * missed, for one engine call per period instead of a full sync of every pod (which, with 50 pods,
 * was 50 lists and 100 inspects in one burst every 10 s, slowing the engine for pods starting then).
 */
import type { EngineClient } from '../docker/engine-client.js';
import type { ContainerSummary } from '../docker/engine-types.js';
import { labelFilters, parseIdentity } from '../docker/labels.js';

/** Pure: per pod uid, its containers' ids and states in a comparable form. */
export function podFingerprints(list: readonly ContainerSummary[]): Map<string, string> {
  const parts = new Map<string, string[]>();
  for (const c of list) {
    const uid = parseIdentity(c.Labels ?? undefined)?.podUid;
    if (uid) (parts.get(uid) ?? parts.set(uid, []).get(uid)!).push(`${c.Id}:${c.State}`);
  }
  return new Map([...parts].map(([uid, xs]) => [uid, xs.sort().join(',')]));
}

/** Pure: uids whose fingerprint differs between two lists (appeared, changed, or gone). */
export function changedPods(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [uid, f] of after) if (before.get(uid) !== f) out.add(uid);
  for (const uid of before.keys()) if (!after.has(uid)) out.add(uid);
  return out;
}

export class Relister {
  private last = new Map<string, string>();

  constructor(
    private readonly docker: EngineClient,
    private readonly nodeName: string,
  ) {}

  /** Every pod with containers on the node, and those that changed since the previous relist. */
  async relist(): Promise<{ present: Set<string>; changed: Set<string> }> {
    const list = await this.docker.listContainers({ all: true, filters: { label: labelFilters(this.nodeName) } });
    const next = podFingerprints(list);
    const changed = changedPods(this.last, next);
    this.last = next;
    return { present: new Set(next.keys()), changed };
  }
}
