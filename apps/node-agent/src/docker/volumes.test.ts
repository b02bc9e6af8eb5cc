import { describe, expect, it } from 'vitest';
import type { Pod } from '@tugboat/api';
import { containerVolumes } from './volumes.js';

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', uid: 'u1' },
  spec: {
    volumes: [{ name: 'scratch', emptyDir: {} }, { name: 'host', hostPath: { path: '/var/log/' } }, { name: 'cfg', configMap: { name: 'c' } }],
    containers: [],
  },
};

describe('containerVolumes', () => {
  it('maps emptyDir to a labelled pod volume, hostPath to a bind, and reports the rest', () => {
    const v = containerVolumes(pod, {
      name: 'c',
      volumeMounts: [
        { name: 'scratch', mountPath: '/data' },
        { name: 'host', mountPath: '/logs', subPath: 'app', readOnly: true },
        { name: 'cfg', mountPath: '/etc/cfg' },
      ],
    }, 'n1');
    expect(v.Mounts).toEqual([{ Type: 'volume', Source: 'tb-u1-scratch', Target: '/data', ReadOnly: false, VolumeOptions: { NoCopy: true, Labels: { 'tugboat.io/node': 'n1', 'tugboat.io/pod-uid': 'u1' }, DriverConfig: { Name: 'local', Options: {} } } }]);
    expect(v.Binds).toEqual(['/var/log/app:/logs:ro']);
    expect(v.unsupported).toEqual(['cfg']);
  });
});
