/**
 * The probes of one running container instance. Each probe loops on its own timer: the initial
 * delay, then one attempt per period (never overlapping). A startup probe gates the other two.
 * Verdicts go to the owner: onChange for readiness/startup flips, onFailure when liveness or
 * startup fails for good (the container must be restarted); after that the prober stops itself.
 */
import type { Container, Probe } from '@tugboat/api';
import type { ProbeTarget } from './handlers.js';
import { runProbe } from './handlers.js';
import type { ProbeKind, ProbeTally, ProbeTiming } from './probe-state.js';
import { initialTally, probeTiming, recordProbe } from './probe-state.js';
import type { EngineClient } from '../docker/engine-client.js';

export interface ProberCallbacks {
  onChange(): void;
  onFailure(kind: 'liveness' | 'startup', message: string): void;
  onUnhealthy(kind: ProbeKind, message: string): void;
}

interface Worker {
  kind: ProbeKind;
  probe: Probe;
  timing: ProbeTiming;
  tally: ProbeTally;
  timer?: NodeJS.Timeout;
}

export class ContainerProber {
  private readonly workers = new Map<ProbeKind, Worker>();
  private stopped = false;

  private readonly containerId: string;
  private readonly container: Container;
  private readonly podIP: string;

  constructor(
    private readonly docker: EngineClient,
    target: { containerId: string; container: Container; podIP: string },
    private readonly callbacks: ProberCallbacks,
  ) {
    ({ containerId: this.containerId, container: this.container, podIP: this.podIP } = target);
    const container = target.container;
    const probes: [ProbeKind, Probe | undefined][] = [['startup', container.startupProbe], ['liveness', container.livenessProbe], ['readiness', container.readinessProbe]];
    for (const [kind, probe] of probes) {
      if (!probe) continue;
      const timing = probeTiming(probe, kind);
      const w: Worker = { kind, probe, timing, tally: initialTally(kind) };
      this.workers.set(kind, w);
      this.schedule(w, timing.initialDelayMs);
    }
  }

  get started(): boolean {
    const startup = this.workers.get('startup');
    return !startup || startup.tally.result === true;
  }

  get ready(): boolean {
    const readiness = this.workers.get('readiness');
    return this.started && (!readiness || readiness.tally.result === true);
  }

  stop(): void {
    this.stopped = true;
    for (const w of this.workers.values()) clearTimeout(w.timer);
  }

  private schedule(w: Worker, delayMs: number): void {
    if (this.stopped) return;
    w.timer = setTimeout(() => void this.attempt(w), delayMs);
  }

  private async attempt(w: Worker): Promise<void> {
    // Liveness and readiness wait until the startup probe has succeeded; startup stops once it has.
    const gated = w.kind !== 'startup' && !this.started;
    const done = w.kind === 'startup' && this.started;
    if (done || this.stopped) return;
    if (gated) return this.schedule(w, w.timing.periodMs);
    const target: ProbeTarget = { docker: this.docker, containerId: this.containerId, container: this.container, podIP: this.podIP, timeoutMs: w.timing.timeoutMs };
    const outcome = await runProbe(w.probe, target);
    if (this.stopped) return;
    const before = w.tally.result;
    w.tally = recordProbe(w.tally, outcome.success, w.timing);
    if (!outcome.success) this.callbacks.onUnhealthy(w.kind, outcome.message);
    if (w.tally.result === false && (w.kind === 'liveness' || w.kind === 'startup')) {
      this.stop();
      this.callbacks.onFailure(w.kind, outcome.message);
      return;
    }
    if (before !== w.tally.result) this.callbacks.onChange();
    this.schedule(w, w.timing.periodMs);
  }
}
