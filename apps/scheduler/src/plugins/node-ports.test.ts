import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { container, makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { ERR_REASON, nodePorts } from './node-ports.js';

function withHostPort(name: string, hostPort: number, extra: { hostIP?: string; protocol?: 'TCP' | 'UDP' } = {}) {
  return makePod(name, { spec: { containers: [container('c', {}, { ports: [{ containerPort: 80, hostPort, ...extra }] })] } });
}

describe('NodePorts', () => {
  it('skips pods without host ports', () => {
    expect(nodePorts.filterFor(podInfo(makePod('p')))).toBeUndefined();
  });

  it('rejects a node where the host port is taken', () => {
    const node = nodeInfo(makeNode('n'), withHostPort('web', 8080));
    expect(nodePorts.filterFor(podInfo(withHostPort('p', 8080)))!(node).reasons).toEqual([ERR_REASON]);
    expect(nodePorts.filterFor(podInfo(withHostPort('p', 8081)))!(node).code).toBe('Success');
  });

  it('allows the same port on another protocol or another specific address', () => {
    const node = nodeInfo(makeNode('n'), withHostPort('dns', 53, { protocol: 'UDP', hostIP: '10.0.0.1' }));
    expect(nodePorts.filterFor(podInfo(withHostPort('p', 53, { protocol: 'TCP' })))!(node).code).toBe('Success');
    expect(nodePorts.filterFor(podInfo(withHostPort('p', 53, { protocol: 'UDP', hostIP: '10.0.0.2' })))!(node).code).toBe('Success');
    expect(nodePorts.filterFor(podInfo(withHostPort('p', 53, { protocol: 'UDP' })))!(node).code).toBe('Unschedulable');
  });
});
