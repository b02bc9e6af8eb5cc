import type { Endpoints, Ingress, Service, ServicePort } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { endpointsPrinter, formatEndpoints, ingressHosts, ingressPrinter, serviceExternalIP, servicePorts, servicePrinter } from './services.js';

const NOW = new Date('2025-01-01T12:00:00Z');
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2025-01-01T11:00:00Z' };
const svc = (spec: Service['spec'], status: Service['status'] = {}): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: meta, spec, status });

describe('service PORT(S)', () => {
  it.each<[ServicePort[] | undefined, string]>([
    [undefined, '<none>'],
    [[], '<none>'],
    [[{ port: 80, protocol: 'TCP' }], '80/TCP'],
    [[{ port: 80, protocol: 'TCP', nodePort: 30080 }], '80:30080/TCP'],
    [[{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], '53/UDP,53/TCP'],
    [[{ port: 8080 }], '8080/TCP'],
  ])('%j → %s', (ports, want) => {
    expect(servicePorts(ports)).toBe(want);
  });
});

describe('service EXTERNAL-IP', () => {
  it.each<[string, Service, string]>([
    ['ClusterIP', svc({ type: 'ClusterIP' }), '<none>'],
    ['ClusterIP with externalIPs', svc({ type: 'ClusterIP', externalIPs: ['1.2.3.4', '5.6.7.8'] }), '1.2.3.4,5.6.7.8'],
    ['NodePort', svc({ type: 'NodePort' }), '<none>'],
    ['LoadBalancer pending', svc({ type: 'LoadBalancer' }), '<pending>'],
    [
      'LoadBalancer with ingress, sorted',
      svc({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '192.168.1.12' }, { ip: '192.168.1.11' }, { hostname: 'lb.example.com' }] } }),
      '192.168.1.11,192.168.1.12,lb.example.com',
    ],
    ['LoadBalancer plus externalIPs', svc({ type: 'LoadBalancer', externalIPs: ['9.9.9.9'] }, { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } }), '10.0.0.1,9.9.9.9'],
    ['ExternalName', svc({ type: 'ExternalName', externalName: 'db.example.com' }), 'db.example.com'],
  ])('%s', (_name, s, want) => {
    expect(serviceExternalIP(s)).toBe(want);
  });
});

describe('service row', () => {
  it('NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR', () => {
    const s = svc({ type: 'NodePort', clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }], selector: { app: 'web' } });
    expect(servicePrinter.columns.map((c) => c.name)).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
    expect(servicePrinter.cells(s, NOW)).toEqual(['web', 'NodePort', '10.96.0.20', '<none>', '80:30080/TCP', '60m', 'app=web']);
  });

  it('headless and not yet allocated', () => {
    expect(servicePrinter.cells(svc({ clusterIP: 'None', clusterIPs: ['None'] }), NOW).slice(1, 3)).toEqual(['ClusterIP', 'None']);
    expect(servicePrinter.cells(svc({ type: 'ExternalName', externalName: 'x.example' }), NOW)[2]).toBe('<none>');
  });
});

describe('endpoints', () => {
  const ep = (subsets: Endpoints['subsets']): Endpoints => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta, subsets });
  it.each<[Endpoints['subsets'], string]>([
    [undefined, '<none>'],
    [[], '<none>'],
    [[{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }], '10.244.1.5:8080'],
    [[{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }] }], '10.244.1.5,10.244.2.7'],
    [[{ addresses: [{ ip: 'fd00::5' }], ports: [{ port: 80 }] }], '[fd00::5]:80'],
    [
      [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] }],
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
    ],
    [[{ notReadyAddresses: [{ ip: '10.0.0.9' }], ports: [{ port: 80 }] }], ''],
  ])('%j → %s', (subsets, want) => {
    expect(formatEndpoints(ep(subsets))).toBe(want);
  });

  it('row', () => {
    expect(endpointsPrinter.cells(ep([{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }]), NOW)).toEqual(['web', '10.244.1.5:80', '60m']);
  });
});

describe('ingress', () => {
  const ing = (spec: Ingress['spec'], status: Ingress['status'] = {}): Ingress => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec, status });
  const backend = { service: { name: 'web', port: { number: 80 } } };
  const rule = (host?: string) => ({ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix' as const, backend }] } });

  it.each<[Ingress['spec'], string]>([
    [{}, '*'],
    [{ rules: [rule()] }, '*'],
    [{ rules: [rule('a.example'), rule(), rule('b.example')] }, 'a.example,b.example'],
    [{ rules: [rule('a'), rule('b'), rule('c')] }, 'a,b,c'],
    [{ rules: [rule('a'), rule('b'), rule('c'), rule('d'), rule('e')] }, 'a,b,c + 2 more...'],
  ])('HOSTS of %j → %s', (spec, want) => {
    expect(ingressHosts(ing(spec))).toBe(want);
  });

  it('row: CLASS HOSTS ADDRESS PORTS AGE', () => {
    const i = ing({ ingressClassName: 'tugboat', rules: [rule('web.example')], tls: [{ hosts: ['web.example'], secretName: 'tls' }] }, { loadBalancer: { ingress: [{ ip: '192.168.1.11' }, { ip: '192.168.1.10' }] } });
    expect(ingressPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
    expect(ingressPrinter.cells(i, NOW)).toEqual(['web', 'tugboat', 'web.example', '192.168.1.10,192.168.1.11', '80, 443', '60m']);
    expect(ingressPrinter.cells(ing({ rules: [rule('x')] }), NOW).slice(1, 5)).toEqual(['<none>', 'x', '', '80']);
  });
});
