/** Traffic: Services (TYPE CLUSTER-IP EXTERNAL-IP PORT(S)), Endpoints, Ingresses. */
import type { Endpoints, Ingress, Service, ServicePort } from '@tugboat/api';
import { NONE, formatLabels, joinHostPort, listWithMore, orNone } from './format.js';
import { AGE_COLUMN, NAME_COLUMN, ageOf, column, definePrinter, nameOf, wideColumn } from './printer.js';

/** The load balancer's IPs (or hostnames), sorted and deduplicated; the server prints them unclipped (wide). */
function loadBalancerAddresses(ingress: readonly { ip?: string; hostname?: string }[] | undefined): string[] {
  const set = new Set((ingress ?? []).map((i) => i.ip || i.hostname || '').filter((a) => a !== ''));
  return [...set].sort();
}

export function serviceExternalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return orNone(externalIPs.join(','));
    case 'LoadBalancer': {
      const all = [...loadBalancerAddresses(svc.status?.loadBalancer?.ingress), ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** `80/TCP`, `80:30080/TCP` with a node port, comma-separated; `<none>` without ports. */
export function servicePorts(ports: readonly ServicePort[] | undefined): string {
  const pieces = (ports ?? []).map((p) => {
    const protocol = p.protocol ?? 'TCP';
    return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return orNone(pieces.join(','));
}

export const servicePrinter = definePrinter<Service>(
  [
    NAME_COLUMN,
    column('Type', 'type determines how the Service is exposed.'),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'The list of ports that are exposed by this service.'),
    AGE_COLUMN,
    wideColumn('Selector', 'Route service traffic to pods with label keys and values matching this selector.'),
  ],
  (svc, now) => [
    nameOf(svc),
    svc.spec?.type ?? 'ClusterIP',
    orNone(svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP),
    serviceExternalIP(svc),
    servicePorts(svc.spec?.ports),
    ageOf(svc, now),
    formatLabels(svc.spec?.selector),
  ],
);

/** `ip:port` for each ready address and port (bare IPs for port-less subsets), the first three then `+ N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return NONE;
  const all = subsets.flatMap((ss) => {
    const ips = (ss.addresses ?? []).map((a) => a.ip);
    const ports = ss.ports ?? [];
    return ports.length === 0 ? ips : ports.flatMap((p) => ips.map((ip) => joinHostPort(ip, p.port)));
  });
  return listWithMore(all, 3);
}

export const endpointsPrinter = definePrinter<Endpoints>(
  [NAME_COLUMN, column('Endpoints', 'The set of all endpoints is the union of all subsets.'), AGE_COLUMN],
  (ep, now) => [nameOf(ep), formatEndpoints(ep), ageOf(ep, now)],
);

/** The first three rule hosts, `*` when no rule names a host. */
export function ingressHosts(ing: Ingress): string {
  const rules = ing.spec?.rules ?? [];
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) {
      more = true;
      break;
    }
    if (rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  return listWithMore(hosts, 3, more ? rules.length : hosts.length);
}

export const ingressPrinter = definePrinter<Ingress>(
  [
    NAME_COLUMN,
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  (ing, now) => [
    nameOf(ing),
    ing.spec?.ingressClassName ?? NONE,
    ingressHosts(ing),
    loadBalancerAddresses(ing.status?.loadBalancer?.ingress).join(','),
    (ing.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    ageOf(ing, now),
  ],
);
