import { describe, expect, it } from 'vitest';
import type { Pod } from '@tugboat/api';
import { appContainerSpec, commandLine, containerSpecHash, gracePeriodSeconds, podDns, sandboxSpec } from './container-spec.js';
import { LABELS, parseIdentity } from './labels.js';

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web', namespace: 'shop', uid: '0123456789abcdef' },
  spec: {
    terminationGracePeriodSeconds: 5,
    containers: [
      { name: 'app', image: 'img:1', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 53, protocol: 'UDP' }], resources: { limits: { cpu: '500m', memory: '128Mi' } } },
    ],
  },
};
const dns = podDns(pod, ['10.96.0.10'], 'cluster.local');

describe('podDns', () => {
  it('gives ClusterFirst pods the cluster resolver and search path with ndots:5', () => {
    expect(dns).toEqual({ servers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] });
  });
  it('adds dnsConfig and drops the cluster settings for policy None', () => {
    const p: Pod = { ...pod, spec: { ...pod.spec!, dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } } };
    expect(podDns(p, ['10.96.0.10'], 'cluster.local')).toEqual({ servers: ['1.1.1.1'], searches: [], options: ['ndots:2', 'edns0'] });
  });
});

describe('sandboxSpec', () => {
  const spec = sandboxSpec({ pod, nodeName: 'n1', network: 'tugboat-n1', pauseImage: 'tugboat/pause:1', dns, attempt: 0 });
  it('carries hostname, DNS, network and only the hostPorts', () => {
    expect(spec.Hostname).toBe('web');
    expect(spec.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(spec.HostConfig?.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(spec.HostConfig?.NetworkMode).toBe('tugboat-n1');
    expect(spec.HostConfig?.DnsOptions).toEqual(['ndots:5']);
  });
  it('is labelled as the pod sandbox', () => {
    expect(parseIdentity(spec.Labels)).toMatchObject({ nodeName: 'n1', podUid: '0123456789abcdef', kind: 'sandbox', namespace: 'shop', podName: 'web', gracePeriodSeconds: 5 });
  });
});

describe('appContainerSpec', () => {
  const env = new Map([['WHO', 'world']]);
  const spec = appContainerSpec({ pod, container: pod.spec!.containers[0]!, kind: 'app', nodeName: 'n1', sandboxId: 'abc', env, attempt: 3 });
  it('joins the sandbox and sets no network options of its own', () => {
    expect(spec.HostConfig?.NetworkMode).toBe('container:abc');
    expect(spec.Hostname).toBeUndefined();
    expect(spec.ExposedPorts).toBeUndefined();
    expect(spec.HostConfig?.PortBindings).toBeUndefined();
    expect(spec.HostConfig?.Dns).toBeUndefined();
  });
  it('maps limits to NanoCpus and Memory', () => {
    expect(spec.HostConfig).toMatchObject({ NanoCpus: 500_000_000, Memory: 128 * 1024 * 1024 });
  });
  it('labels attempt, kind and spec hash', () => {
    expect(spec.Labels?.[LABELS.restartCount]).toBe('3');
    expect(parseIdentity(spec.Labels)).toMatchObject({ kind: 'app', containerName: 'app', restartCount: 3, specHash: containerSpecHash(pod.spec!.containers[0]!) });
    expect(spec.Env).toEqual(['WHO=world']);
  });
});

describe('commandLine', () => {
  const env = new Map([['WHO', 'world']]);
  it('maps command to Entrypoint and args to Cmd with $(VAR) expansion', () => {
    expect(commandLine({ name: 'c', command: ['echo', 'hi $(WHO)'], args: ['$$(WHO)'] }, env)).toEqual({ Entrypoint: ['echo', 'hi world'], Cmd: ['$(WHO)'] });
  });
  it('drops the image CMD when only command is given and keeps the image ENTRYPOINT for args only', () => {
    expect(commandLine({ name: 'c', command: ['sleep', '1'] }, env)).toEqual({ Entrypoint: ['sleep', '1'], Cmd: [] });
    expect(commandLine({ name: 'c', args: ['-x'] }, env)).toEqual({ Cmd: ['-x'] });
    expect(commandLine({ name: 'c' }, env)).toEqual({});
  });
});

describe('gracePeriodSeconds', () => {
  it('prefers the deletion grace period over the spec and defaults to 30', () => {
    expect(gracePeriodSeconds(pod)).toBe(5);
    expect(gracePeriodSeconds({ ...pod, metadata: { ...pod.metadata, deletionGracePeriodSeconds: 1 } })).toBe(1);
    expect(gracePeriodSeconds({ ...pod, spec: { containers: [] } })).toBe(30);
  });
});
