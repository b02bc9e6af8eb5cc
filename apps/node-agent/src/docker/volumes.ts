/**
 * Pod volumes on Docker: an emptyDir is a named Docker volume per pod (labelled with node and pod
 * uid so teardown and test clean-up find it), shared by every container that mounts it; a hostPath
 * is a bind mount (Docker creates a missing directory). Other volume sources are not supported yet
 * and are reported so the caller can log them.
 */
import type { Container, Pod } from '@tugboat/api';
import type { EngineClient } from './engine-client.js';
import type { MountSettings } from './engine-types.js';
import { LABELS } from './labels.js';

export interface ContainerVolumes {
  Mounts: MountSettings[];
  Binds: string[];
  /** mounts whose volume source Tugboat cannot provide yet */
  unsupported: string[];
}

export function emptyDirVolumeName(podUid: string, volume: string): string {
  return `tb-${podUid}-${volume}`;
}

export function containerVolumes(pod: Pod, container: Container, nodeName: string): ContainerVolumes {
  const out: ContainerVolumes = { Mounts: [], Binds: [], unsupported: [] };
  const uid = pod.metadata.uid ?? '';
  for (const m of container.volumeMounts ?? []) {
    const v = pod.spec?.volumes?.find((x) => x.name === m.name);
    if (v?.emptyDir && !m.subPath) {
      out.Mounts.push({
        Type: 'volume',
        Source: emptyDirVolumeName(uid, v.name),
        Target: m.mountPath,
        ReadOnly: m.readOnly ?? false,
        VolumeOptions: { NoCopy: true, Labels: { [LABELS.node]: nodeName, [LABELS.podUid]: uid }, DriverConfig: { Name: 'local', Options: {} } },
      });
    } else if (v?.hostPath) {
      const source = m.subPath ? `${v.hostPath.path.replace(/\/$/, '')}/${m.subPath}` : v.hostPath.path;
      out.Binds.push(`${source}:${m.mountPath}${m.readOnly ? ':ro' : ''}`);
    } else {
      out.unsupported.push(m.name);
    }
  }
  return out;
}

/** Remove the pod's emptyDir volumes (after its containers are gone). */
export async function removePodVolumes(docker: EngineClient, nodeName: string, podUid: string): Promise<void> {
  const volumes = await docker.listVolumes({ filters: { label: [`${LABELS.node}=${nodeName}`, `${LABELS.podUid}=${podUid}`] } });
  await Promise.all(volumes.map((v) => docker.removeVolume(v.Name).catch(() => undefined)));
}
