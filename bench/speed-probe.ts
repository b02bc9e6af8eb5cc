/**
 * How fast the machine is while a phase runs, measured in the same minutes as the phase: a child
 * process runs one fixed piece of CPU work (referenceTask: a few JSON round trips of a pod-sized
 * object) every 250 ms and records the CPU time it took. On this shared 2-core machine the same
 * code's CPU per pod moves by 15–45 % from one run to the next, in every process at once, etcd
 * included. The task's time moves with it: over the eighth session's eleven phase-1 runs the rate
 * fell as the task's time rose (1.68 ms → 1,136 pods/s, 1.96 → 1,031, 2.52 → 1,026, 2.74 → 846,
 * 2.84 → 773; rank correlation −0.91). CPU per pod in units of the task ("reference tasks per
 * pod", 0.60–0.82) follows the machine only in part, so the figure tells a slow minute from a
 * fast one rather than measuring small code changes.
 *
 * The probe takes ~1 % of one core; its process is speed-probe-child.ts.
 */
import { fileURLToPath } from 'node:url';
import { forkReady } from './child.js';
import { percentile } from './stats.js';

const CHILD = fileURLToPath(new URL('./speed-probe-child.ts', import.meta.url));

export interface SpeedProbe {
  /** median CPU µs of the reference task between two epoch-ms times; NaN when no sample fell in it */
  taskCpuUs(fromMs: number, toMs: number): Promise<number>;
  close(): Promise<void>;
}

export interface ProbeSample {
  at: number;
  cpuUs: number;
}

/** The fixed work: parse and serialize a pod-sized object, walk it, keep a Map of its keys. */
export function referenceTask(doc: string): number {
  let n = 0;
  for (let i = 0; i < 20; i++) {
    const obj = JSON.parse(doc) as { items: { name: string; n: number }[] };
    const seen = new Map<string, number>();
    for (const item of obj.items) seen.set(item.name, item.n);
    n += JSON.stringify(obj).length + seen.size;
  }
  return n;
}

export const REFERENCE_DOC = JSON.stringify({
  items: Array.from({ length: 60 }, (_, i) => ({ name: `item-${i}`, n: i * 1.5, labels: { app: 'web', tier: String(i % 3) }, ports: [80, 443] })),
});

/** The median of the samples taken between two times. */
export function medianIn(samples: readonly ProbeSample[], fromMs: number, toMs: number): number {
  const inWindow = samples.filter((s) => s.at >= fromMs && s.at <= toMs).map((s) => s.cpuUs);
  return inWindow.length > 0 ? percentile(inWindow.sort((a, b) => a - b), 50) : NaN;
}

export async function startSpeedProbe(): Promise<SpeedProbe> {
  const child = await forkReady<{ ready: true }>(CHILD, { what: 'speed probe' });
  return {
    async taskCpuUs(fromMs, toMs) {
      const { samples } = await child.ask<{ samples: ProbeSample[] }>('samples');
      return medianIn(samples, fromMs, toMs);
    },
    close: () => child.close(),
  };
}
