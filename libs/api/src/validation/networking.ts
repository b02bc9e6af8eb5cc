/** HorizontalPodAutoscaler (autoscaling/v2) and Ingress (networking.k8s.io/v1) validation: the required fields. */
import type { HorizontalPodAutoscaler } from '../types/autoscaling.js';
import type { Ingress, IngressBackend } from '../types/networking.js';
import { nameErrors, oneOf, requiredString } from './checks.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isDNS1123Subdomain } from './names.js';

const SPEC = FieldPath.root('spec');
const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] as const;

export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): FieldError[] {
  const spec = hpa.spec;
  if (!spec) return [fieldError.required(SPEC)];
  const ref = SPEC.child('scaleTargetRef');
  const errs = [...requiredString(ref.child('kind'), spec.scaleTargetRef?.kind), ...requiredString(ref.child('name'), spec.scaleTargetRef?.name)];
  const min = spec.minReplicas ?? 1;
  if (spec.minReplicas !== undefined && spec.minReplicas < 1) errs.push(fieldError.invalid(SPEC.child('minReplicas'), spec.minReplicas, 'must be greater than or equal to 1'));
  if (spec.maxReplicas === undefined) errs.push(fieldError.required(SPEC.child('maxReplicas')));
  else if (spec.maxReplicas < min) errs.push(fieldError.invalid(SPEC.child('maxReplicas'), spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  (spec.metrics ?? []).forEach((m, i) => {
    const p = SPEC.child('metrics').index(i);
    errs.push(...oneOf(p.child('type'), m.type, METRIC_TYPES, true));
    if (m.type === 'Resource' && !m.resource) errs.push(fieldError.required(p.child('resource'), 'must populate information for the given metric source'));
  });
  return errs;
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;

function validateBackend(b: IngressBackend | undefined, path: FieldPath): FieldError[] {
  if (!b) return [fieldError.required(path)];
  if (!b.service === !b.resource) return [fieldError.invalid(path, '', 'cannot set both service and resource backends')];
  if (!b.service) return [];
  const port = b.service.port;
  const errs = requiredString(path.child('service').child('name'), b.service.name);
  if (!port || (port.name === undefined) === (port.number === undefined)) {
    errs.push(fieldError.required(path.child('service').child('port'), 'port name or number is required'));
  }
  return errs;
}

export function validateIngress(ing: Ingress): FieldError[] {
  const spec = ing.spec;
  if (!spec) return [fieldError.required(SPEC)];
  const errs: FieldError[] = [];
  if (!spec.defaultBackend && !spec.rules?.length) errs.push(fieldError.invalid(SPEC, '', 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, SPEC.child('defaultBackend')));
  (spec.rules ?? []).forEach((r, i) => {
    const p = SPEC.child('rules').index(i);
    if (r.host) errs.push(...nameErrors(p.child('host'), r.host.replace(/^\*\./, ''), isDNS1123Subdomain));
    (r.http?.paths ?? []).forEach((hp, j) => {
      const pp = p.child('http').child('paths').index(j);
      errs.push(...oneOf(pp.child('pathType'), hp.pathType, PATH_TYPES, true));
      if (hp.pathType !== 'ImplementationSpecific' && !(hp.path ?? '').startsWith('/')) {
        errs.push(fieldError.invalid(pp.child('path'), hp.path ?? '', 'must be an absolute path'));
      }
      errs.push(...validateBackend(hp.backend, pp.child('backend')));
    });
  });
  return errs;
}
