/** The scheduler benchmark's in-memory figure: scheduling cycles over simulated nodes, no API at all. */
import type { Node, Pod } from '@tugboat/api';
import { SchedulerCache, defaultProfile, podInfo, schedulePod } from '@tugboat/scheduler';
import { HOLLOW_LABEL } from './hollow-agent.js';

/** The scheduling cycles alone, in memory (no API calls): what the scheduler's CPU allows. */
export function cyclesOnly(nodes: number, pods: number, podJson: (i: number) => string): { perSecond: number; cpuMsPerPod: number } {
  const cache = new SchedulerCache();
  const capacity = { cpu: '8', memory: '32Gi', pods: '110' };
  for (let i = 0; i < nodes; i++) {
    const name = `dry-${i}`;
    cache.upsertNode({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, [HOLLOW_LABEL]: 'true' } },
      status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True' }] },
    } satisfies Node);
  }
  const profile = defaultProfile();
  const cpu0 = process.cpuUsage();
  let start = 0;
  for (let i = 0; i < pods; i++) {
    const info = podInfo(JSON.parse(podJson(i)) as Pod);
    const r = schedulePod(profile, info, cache.schedulableNodes(), { startIndex: start });
    if (r.kind !== 'Scheduled') throw new Error('dry run: a pod did not fit');
    start = (start + r.evaluated) % nodes;
    cache.assume(info, r.node.name);
  }
  // CPU time rather than wall time: on a loaded machine the wall clock measures the neighbours.
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerPod = (cpu.user + cpu.system) / 1000 / pods;
  return { perSecond: 1000 / cpuMsPerPod, cpuMsPerPod };
}
