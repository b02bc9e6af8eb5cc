import { describe, expect, it } from 'vitest';
import { nodeInfoFromDockerInfo } from './node-info.js';

describe('nodeInfoFromDockerInfo', () => {
  it('maps docker info to capacity and node info', () => {
    const r = nodeInfoFromDockerInfo({ NCPU: 2, MemTotal: 4 * 1024 * 1024 * 1024, KernelVersion: '6.1.0', OperatingSystem: 'Debian GNU/Linux 12 (bookworm)', OSType: 'linux', Architecture: 'x86_64', ServerVersion: '20.10.24+dfsg1' });
    expect(r.capacity).toEqual({ cpu: '2', memory: '4194304Ki', pods: '110' });
    expect(r.allocatable).toEqual(r.capacity);
    expect(r.nodeInfo).toMatchObject({ containerRuntimeVersion: 'docker://20.10.24+dfsg1', architecture: 'amd64', kernelVersion: '6.1.0', osImage: 'Debian GNU/Linux 12 (bookworm)', operatingSystem: 'linux' });
  });
});
