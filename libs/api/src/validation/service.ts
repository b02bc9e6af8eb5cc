/** Service and Endpoints validation (ValidateService, ValidateServiceUpdate, ValidateEndpoints). */
import type { Endpoints, Service, ServicePort } from '../types/service.js';
import { duplicates, nameErrors, oneOf } from './checks.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isDNS1123Subdomain, isIP, isPortName, isPortNumber } from './names.js';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const TRAFFIC = ['Cluster', 'Local'] as const;

function portNumber(path: FieldPath, n: number | undefined, required = true): FieldError[] {
  if (n === undefined) return required ? [fieldError.required(path)] : [];
  return isPortNumber(n).map((msg) => fieldError.invalid(path, n, msg));
}

function validatePort(p: ServicePort, path: FieldPath, needName: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (needName && !p.name) errs.push(fieldError.required(path.child('name')));
  if (p.name) errs.push(...nameErrors(path.child('name'), p.name, isPortName));
  errs.push(...portNumber(path.child('port'), p.port));
  errs.push(...oneOf(path.child('protocol'), p.protocol, PROTOCOLS, true));
  if (typeof p.targetPort === 'number') errs.push(...portNumber(path.child('targetPort'), p.targetPort));
  else if (typeof p.targetPort === 'string') errs.push(...nameErrors(path.child('targetPort'), p.targetPort, isPortName));
  if (p.nodePort) errs.push(...portNumber(path.child('nodePort'), p.nodePort));
  return errs;
}

export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec;
  const root = FieldPath.root('spec');
  if (!spec) return [fieldError.required(root)];
  const errs = oneOf(root.child('type'), spec.type, TYPES, true);
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) errs.push(fieldError.required(root.child('externalName')));
    else errs.push(...nameErrors(root.child('externalName'), spec.externalName.replace(/\.$/, ''), isDNS1123Subdomain));
  } else if (ports.length === 0 && !headless) {
    errs.push(fieldError.required(root.child('ports')));
  }
  ports.forEach((p, i) => errs.push(...validatePort(p, root.child('ports').index(i), ports.length > 1)));
  errs.push(...duplicates(ports.map((p) => p.name), (i) => root.child('ports').index(i).child('name')));
  errs.push(...duplicates(ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`), (i) => root.child('ports').index(i)));
  if (spec.clusterIP && !headless && !isIP(spec.clusterIP)) {
    errs.push(fieldError.invalid(root.child('clusterIP'), spec.clusterIP, 'must be a valid IP address or "None"'));
  }
  if (headless && spec.type !== 'ClusterIP' && spec.type !== undefined) {
    errs.push(fieldError.invalid(root.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${spec.type} services`));
  }
  if (spec.type === 'ClusterIP' || spec.type === 'ExternalName') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(fieldError.forbidden(root.child('ports').index(i).child('nodePort'), `may not be used when \`type\` is '${spec.type}'`));
    });
  }
  errs.push(...oneOf(root.child('sessionAffinity'), spec.sessionAffinity, ['ClientIP', 'None'], true));
  errs.push(...oneOf(root.child('externalTrafficPolicy'), spec.externalTrafficPolicy, TRAFFIC));
  errs.push(...oneOf(root.child('internalTrafficPolicy'), spec.internalTrafficPolicy, TRAFFIC));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!isIP(ip)) errs.push(fieldError.invalid(root.child('externalIPs').index(i), ip, 'must be a valid IP address'));
  });
  return errs;
}

/** clusterIP is fixed once allocated (unless the type moves to or from ExternalName). */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const before = old.spec?.clusterIP;
  const now = svc.spec?.clusterIP;
  const toOrFromExternal = svc.spec?.type === 'ExternalName' || old.spec?.type === 'ExternalName';
  if (!before || toOrFromExternal || now === before) return [];
  return [fieldError.invalid(FieldPath.root('spec').child('clusterIP'), now ?? '', 'field is immutable')];
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((s, i) => {
    const p = FieldPath.root('subsets').index(i);
    for (const key of ['addresses', 'notReadyAddresses'] as const) {
      (s[key] ?? []).forEach((a, j) => {
        const ap = p.child(key).index(j).child('ip');
        if (!a.ip) errs.push(fieldError.required(ap));
        else if (!isIP(a.ip)) errs.push(fieldError.invalid(ap, a.ip, 'must be a valid IP address'));
      });
    }
    const ports = s.ports ?? [];
    ports.forEach((port, j) => {
      const pp = p.child('ports').index(j);
      if (ports.length > 1 && !port.name) errs.push(fieldError.required(pp.child('name')));
      errs.push(...portNumber(pp.child('port'), port.port), ...oneOf(pp.child('protocol'), port.protocol, PROTOCOLS, true));
    });
  });
  return errs;
}
