/**
 * The scheduler benchmark's CPU accounting: samples of each process's CPU seconds at a time, CPU per
 * operation gross and net of the agents' background, and the ceiling the shared cores put on a phase.
 */
import { availableParallelism } from 'node:os';
import type { BenchControlPlane } from './control-plane.js';
import type { HollowFleet } from './hollow-fleet-process.js';
import type { Row } from './report.js';
import { childPid, cpuCeiling, cpuPerOp, cpuSecondsOf, totalMsPerOp } from './stats-cpu.js';
import { epochMs, perSecondSeries } from './stats.js';
import type { CpuSample } from './stats-cpu.js';

export interface Timed {
  at: number;
  cpu: CpuSample;
}

/** CPU seconds per second each process spends with the agents only heartbeating (no pods); undefined until measured */
export type Background = CpuSample | undefined;

/**
 * CPU per operation between two samples, each process as `name X ms`; with a background measured,
 * also net of it (what the heartbeats cost over the same seconds taken out), which is what the
 * operation itself costs.
 */
export function perOp(background: Background, from: Timed, to: Timed, ops: number): string {
  const gross = cpuPerOp(from.cpu, to.cpu, ops);
  if (!background) return gross;
  return `${cpuPerOp(from.cpu, netOf(background, from, to), ops)}; gross ${gross.replace(/ ms$/, '')}`;
}

/** The later sample with what the background costs over the same seconds taken out. */
function netOf(background: CpuSample, from: Timed, to: Timed): CpuSample {
  const seconds = (to.at - from.at) / 1000;
  const net: CpuSample = {};
  for (const [name, v] of Object.entries(to.cpu)) net[name] = v - (background[name] ?? 0) * seconds;
  return net;
}

/**
 * What the machine's cores allow at the phase's net CPU per pod (every process together): with the
 * agents' background taken first, and without it. The scheduler, apiserver, etcd and the simulated
 * agents share the same cores, so this bounds the figure whatever the code's latency.
 */
export function ceiling(background: Background, from: Timed, to: Timed, ops: number): Row[] {
  const msPerPod = netMsPerOp(background, from, to, ops);
  if (!background || msPerPod === undefined) return [];
  const cores = availableParallelism();
  const busy = Object.values(background).reduce((a, v) => a + v, 0);
  const rate = (busyCores: number) => `${Math.round(cpuCeiling(cores, msPerPod, busyCores))}/s`;
  return [{ name: `  CPU ceiling on ${cores} cores at ${msPerPod.toFixed(2)} ms per pod`, value: `${rate(busy)} with the agents' background (${busy.toFixed(2)} cores), ${rate(0)} without` }];
}

/** Net CPU per operation of every process together (ms), or undefined before the background is measured. */
export function netMsPerOp(background: Background, from: Timed, to: Timed, ops: number): number | undefined {
  return background ? totalMsPerOp(from.cpu, netOf(background, from, to), ops) : undefined;
}

/**
 * The speed probe's reference task timed in the phase's own minutes, and CPU per pod in units of it
 * (speed-probe.ts says how far that follows the machine's speed).
 */
export function inReferenceTasks(msPerPod: number | undefined, taskCpuUs: number): Row[] {
  if (msPerPod === undefined || !Number.isFinite(taskCpuUs)) return [];
  return [{ name: '  machine speed in the phase (speed probe)', value: `reference task ${(taskCpuUs / 1000).toFixed(2)} ms of CPU; a bound pod costs ${((msPerPod * 1000) / taskCpuUs).toFixed(2)} reference tasks` }];
}

/** CPU seconds so far of the scheduler's process (0 while none runs), the apiserver, etcd and the hollow agents. */
export function cpuSampler(cp: BenchControlPlane, fleet: HollowFleet, schedulerPid: () => number | undefined): () => Timed {
  const etcd = childPid(cp.pid, 'etcd');
  return () => {
    const scheduler = schedulerPid();
    const cpu = {
      scheduler: scheduler === undefined ? 0 : cpuSecondsOf(scheduler),
      apiserver: cpuSecondsOf(cp.pid),
      ...(etcd ? { etcd: cpuSecondsOf(etcd) } : {}),
      agents: cpuSecondsOf(fleet.pid),
    };
    return { at: epochMs(), cpu };
  };
}

/**
 * The first half of a phase's pods against the second, and the rate in each second. A fresh
 * scheduler binds the first half slower and at more CPU per pod in every process (its JIT warming
 * up, its heap cold after the first list), so this says how much of the phase's figure is start-up;
 * the seconds show the ramp and any stall.
 */
export function halves(background: Background, seen: { times: readonly number[]; synced: number }, cpu: { from: Timed; half: Timed; to: Timed }): Row[] {
  const sorted = [...seen.times].sort((x, y) => x - y);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const last = sorted[sorted.length - 1]!;
  const n = sorted.length / 2;
  return [
    { name: '  the first half of the pods, then the second', value: `${Math.round((n * 1000) / (mid - seen.synced))}/s, then ${Math.round((n * 1000) / (last - mid))}/s` },
    { name: '  CPU per bound pod, first half, ms', value: perOp(background, cpu.from, cpu.half, n) },
    { name: '  CPU per bound pod, second half, ms', value: perOp(background, cpu.half, cpu.to, n) },
    { name: '  pods bound per second, second by second from synced', value: perSecondSeries(sorted, seen.synced).join(' ') },
  ];
}
