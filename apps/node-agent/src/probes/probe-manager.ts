/**
 * All probers of this node, one per running container instance, keyed by container id. The pod
 * worker reconciles it after each sync: new running instances get a prober, gone ones lose theirs.
 */
import type { Container } from '@tugboat/api';
import type { ProberCallbacks } from './container-prober.js';
import { ContainerProber } from './container-prober.js';
import type { EngineClient } from '../docker/engine-client.js';

export interface RunningContainer {
  id: string;
  spec: Container;
}

export class ProbeManager {
  private readonly byPod = new Map<string, Map<string, ContainerProber>>();
  /** a sync still in flight at close must not start new probers */
  private closed = false;

  constructor(
    private readonly docker: EngineClient,
    private readonly callbacks: (podUid: string, containerName: string, containerId: string) => ProberCallbacks,
  ) {}

  /** Make the probers of a pod match its running containers. */
  reconcile(podUid: string, podIP: string, running: RunningContainer[]): void {
    if (this.closed) return;
    const probers = this.byPod.get(podUid) ?? new Map<string, ContainerProber>();
    const keep = new Set(running.map((r) => r.id));
    for (const [id, p] of probers) {
      if (!keep.has(id)) {
        p.stop();
        probers.delete(id);
      }
    }
    for (const r of running) {
      const hasProbes = r.spec.livenessProbe || r.spec.readinessProbe || r.spec.startupProbe;
      if (!hasProbes || probers.has(r.id)) continue;
      probers.set(r.id, new ContainerProber(this.docker, { containerId: r.id, container: r.spec, podIP }, this.callbacks(podUid, r.spec.name, r.id)));
    }
    if (probers.size) this.byPod.set(podUid, probers);
    else this.byPod.delete(podUid);
  }

  /** ready/started of an instance; containers without probes are ready and started as soon as they run. */
  view(podUid: string, containerId: string): { ready: boolean; started: boolean } {
    const p = this.byPod.get(podUid)?.get(containerId);
    return p ? { ready: p.ready, started: p.started } : { ready: true, started: true };
  }

  stopPod(podUid: string): void {
    for (const p of this.byPod.get(podUid)?.values() ?? []) p.stop();
    this.byPod.delete(podUid);
  }

  close(): void {
    this.closed = true;
    for (const uid of [...this.byPod.keys()]) this.stopPod(uid);
  }
}
