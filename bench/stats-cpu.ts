/**
 * CPU time per process over a phase, from /proc (Linux): on a 2-core machine the client, the
 * apiserver and etcd compete for the same cores, so "ms of CPU per operation" for each process says
 * where a throughput ceiling comes from better than the rate alone. Elsewhere the figures are NaN.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ; `getconf CLK_TCK` is 100 on every mainstream Linux

/** user+system CPU seconds of `pid` (all its threads), NaN when /proc cannot tell. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** The direct child of `pid` running `command` (etcd is the control plane's child), if any. */
export function childPid(pid: number, command: string): number | undefined {
  try {
    const children = readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
    return children.find((c) => readFileSync(`/proc/${c}/comm`, 'utf8').trim() === command);
  } catch {
    return undefined;
  }
}

export type CpuSample = Record<string, number>;

/** Named processes' CPU seconds now; `self` is this process (the benchmark's clients). */
export function sampleCpu(pids: Readonly<Record<string, number>>): CpuSample {
  const self = process.cpuUsage();
  const out: CpuSample = { client: (self.user + self.system) / 1e6 };
  for (const [name, pid] of Object.entries(pids)) out[name] = cpuSecondsOf(pid);
  return out;
}

/** `client 0.21 + apiserver 0.80 + etcd 0.35 ms` of CPU per operation between two samples. */
export function cpuPerOp(before: CpuSample, after: CpuSample, ops: number): string {
  return Object.keys(after)
    .map((name) => `${name} ${(((after[name]! - before[name]!) * 1000) / ops).toFixed(2)}`)
    .join(' + ')
    .concat(' ms');
}

/** CPU milliseconds per operation of all the named processes together, between two samples. */
export function totalMsPerOp(before: CpuSample, after: CpuSample, ops: number): number {
  let seconds = 0;
  for (const name of Object.keys(after)) seconds += after[name]! - before[name]!;
  return (seconds * 1000) / ops;
}

/**
 * Operations per second `cores` could sustain at `msPerOp` of CPU per operation (all processes),
 * with `busyCores` already taken by other work: the ceiling the machine puts on a figure whatever
 * the code's latency, when every process shares the same cores.
 */
export function cpuCeiling(cores: number, msPerOp: number, busyCores = 0): number {
  return msPerOp > 0 ? (Math.max(0, cores - busyCores) * 1000) / msPerOp : Infinity;
}
