/** Per-container CPU (nanocores) and memory working set from one `stats` sample. */
import type { EngineClient } from './engine-client.js';
import type { ContainerStats } from './engine-types.js';

export interface ContainerUsage {
  cpuNanoCores: number;
  memoryWorkingSetBytes: number;
}

/** Pure: usage from a stats answer with both cpu_stats and precpu_stats filled (stream:false). */
export function usageFromStats(s: ContainerStats): ContainerUsage {
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - (s.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const elapsedNs = (Date.parse(s.read) - Date.parse(s.preread)) * 1e6;
  const cpuNanoCores = s.precpu_stats?.cpu_usage?.total_usage && elapsedNs > 0 && cpuDelta > 0 ? Math.round((cpuDelta / elapsedNs) * 1e9) : 0;
  const m = s.memory_stats;
  const inactive = m.stats?.total_inactive_file ?? m.stats?.inactive_file ?? 0;
  const memoryWorkingSetBytes = Math.max(0, (m.usage ?? 0) - inactive);
  return { cpuNanoCores, memoryWorkingSetBytes };
}

/** stream:false waits about a second so precpu_stats is filled. */
export async function containerUsage(docker: EngineClient, containerId: string): Promise<ContainerUsage> {
  return usageFromStats(await docker.stats(containerId));
}
