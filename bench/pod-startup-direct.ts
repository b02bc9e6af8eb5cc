/**
 * The pod start-up benchmark's baseline: the same containers a pod has, made directly with dockerode
 * (a pause sandbox on a bridge network, then the app container in its network namespace), timed from
 * the first create to both started. Everything it makes carries the run's label, for the clean-up.
 */
import type Dockerode from 'dockerode';
import { log } from './pod-startup-cluster.js';
import { epochMs } from './stats.js';
import type { Trace } from './pod-startup-trace.js';

const DIRECT_LABEL = 'tugboat-bench/direct';
const PAUSE = 'tugboat/pause:1';
const BUSYBOX = 'tugboat/busybox:1';

export async function cleanupDirect(docker: Dockerode, run: string): Promise<void> {
  const filters = { label: [`${DIRECT_LABEL}=${run}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  // a network whose last endpoint is still being released refuses removal for a moment: retry
  for (let attempt = 0; attempt < 10; attempt++) {
    const networks = await docker.listNetworks({ filters });
    if (networks.length === 0) return;
    await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`could not remove the baseline's network (label ${DIRECT_LABEL}=${run})`);
}

export async function directOnce(docker: Dockerode, run: string, network: string, i: number): Promise<Trace> {
  const labels = { [DIRECT_LABEL]: run };
  const t0 = epochMs();
  const sandbox = await docker.createContainer({
    name: `tb-bench-${run}-${i}-pod`, Image: PAUSE, Hostname: `direct-${i}`, Labels: labels,
    HostConfig: { NetworkMode: network, RestartPolicy: { Name: 'no' } },
  });
  const sandboxCreated = epochMs() - t0;
  await sandbox.start();
  const sandboxStarted = epochMs() - t0;
  const app = await docker.createContainer({
    name: `tb-bench-${run}-${i}-app`, Image: BUSYBOX, Entrypoint: ['sleep', '3600'], Cmd: [], Labels: labels,
    HostConfig: { NetworkMode: `container:${sandbox.id}`, RestartPolicy: { Name: 'no' } },
  });
  const appCreated = epochMs() - t0;
  await app.start();
  const appStarted = epochMs() - t0;
  return { total: appStarted, sandboxCreated, sandboxStarted, appCreated, appStarted };
}

export async function directNetwork(docker: Dockerode, run: string): Promise<string> {
  const network = `tugboat-bench-direct-${run}`;
  await docker.createNetwork({ Name: network, Driver: 'bridge', CheckDuplicate: true, Labels: { [DIRECT_LABEL]: run } });
  return network;
}
