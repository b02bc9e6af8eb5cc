import type { Node } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { AgentDialer, agentAddress } from './agent-dialer.js';
import { createCa, issueCertificate } from '../security/pki.js';

function node(addresses: { type: 'InternalIP' | 'Hostname'; address: string }[], port?: number): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1' },
    status: { addresses, ...(port ? { daemonEndpoints: { kubeletEndpoint: { Port: port } } } : {}) },
  };
}

describe('agentAddress', () => {
  it('InternalIP and the kubelet endpoint port', () => {
    expect(agentAddress(node([{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '10.0.0.2' }], 10250))).toBe('10.0.0.2:10250');
    expect(agentAddress(node([{ type: 'InternalIP', address: 'fd00::2' }], 10250))).toBe('[fd00::2]:10250');
  });
  it('says what the node lacks', () => {
    expect(() => agentAddress(node([], 10250))).toThrow('node "n1" reports no InternalIP address');
    expect(() => agentAddress(node([{ type: 'InternalIP', address: '10.0.0.2' }]))).toThrow('node "n1" reports no agent endpoint port');
  });
});

describe('AgentDialer', () => {
  it('caches a client per node and rebuilds it when the address changes', async () => {
    const ca = await createCa();
    const client = await issueCertificate(ca, { commonName: 'system:apiserver', organization: 'system:masters', usage: 'client' });
    const dialer = new AgentDialer({ caPem: ca.certPem, ...client });
    const a = dialer.clientFor(node([{ type: 'InternalIP', address: '127.0.0.1' }], 1));
    expect(dialer.clientFor(node([{ type: 'InternalIP', address: '127.0.0.1' }], 1))).toBe(a);
    const b = dialer.clientFor(node([{ type: 'InternalIP', address: '127.0.0.1' }], 2));
    expect(b).not.toBe(a);
    dialer.close();
    expect(() => dialer.clientFor(node([{ type: 'InternalIP', address: '127.0.0.1' }], 2))).toThrow(/shutting down/);
  });
});
