/** Node capacity and system info from `docker info`. */
import type { NodeSystemInfo } from '@tugboat/api';
import type { EngineClient } from './engine-client.js';
import type { EngineInfo } from './engine-types.js';

export const MAX_PODS = 110;
export const AGENT_VERSION = 'v1.32.0-tugboat';

const ARCH: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm', i686: '386', ppc64le: 'ppc64le', s390x: 's390x' };

export interface NodeResources {
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  nodeInfo: NodeSystemInfo;
}

/** Pure: the node's resources and system info from a `docker info` answer. */
export function nodeInfoFromDockerInfo(info: EngineInfo): NodeResources {
  const capacity = {
    cpu: String(info.NCPU ?? 1),
    memory: `${Math.floor((info.MemTotal ?? 0) / 1024)}Ki`,
    pods: String(MAX_PODS),
  };
  return {
    capacity,
    allocatable: { ...capacity },
    nodeInfo: {
      machineID: info.ID ?? '',
      systemUUID: info.ID ?? '',
      bootID: '',
      kernelVersion: info.KernelVersion ?? '',
      osImage: info.OperatingSystem ?? '',
      containerRuntimeVersion: `docker://${info.ServerVersion ?? 'unknown'}`,
      kubeletVersion: AGENT_VERSION,
      kubeProxyVersion: AGENT_VERSION,
      operatingSystem: info.OSType ?? 'linux',
      architecture: ARCH[info.Architecture ?? ''] ?? info.Architecture ?? '',
    },
  };
}

export async function nodeInfoFromDocker(docker: EngineClient): Promise<NodeResources> {
  return nodeInfoFromDockerInfo(await docker.info());
}
