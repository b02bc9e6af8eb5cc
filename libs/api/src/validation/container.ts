/** Container validation (validateContainers & co. in pkg/apis/core/validation), shared by Pods and templates. */
import { isValidQuantity, parseQuantity } from '../quantity.js';
import type { Container, Probe, ResourceRequirements } from '../types/container.js';
import { duplicates, nameErrors, nonNegative, oneOf } from './checks.js';
import { fieldError, type FieldError, type FieldPath } from './field.js';
import { isDNS1123Label, isEnvVarName, isPortName, isPortNumber } from './names.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TERMINATION_POLICIES = ['File', 'FallbackToLogsOnError'] as const;

export interface ContainerContext {
  volumes: ReadonlySet<string>;
  /** Pods require an image; templates may leave it to be filled in. */
  requireImage: boolean;
  init: boolean;
}

function validatePorts(c: Container, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (c.ports ?? []).forEach((p, i) => {
    const pp = path.index(i);
    if (p.name) errs.push(...nameErrors(pp.child('name'), p.name, isPortName));
    if (p.containerPort === undefined) errs.push(fieldError.required(pp.child('containerPort')));
    else for (const msg of isPortNumber(p.containerPort)) errs.push(fieldError.invalid(pp.child('containerPort'), p.containerPort, msg));
    if (p.hostPort) for (const msg of isPortNumber(p.hostPort)) errs.push(fieldError.invalid(pp.child('hostPort'), p.hostPort, msg));
    errs.push(...oneOf(pp.child('protocol'), p.protocol, PROTOCOLS, true));
  });
  errs.push(...duplicates((c.ports ?? []).map((p) => p.name), (i) => path.index(i).child('name')));
  return errs;
}

function validateEnv(c: Container, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (c.env ?? []).forEach((e, i) => {
    const p = path.child('env').index(i);
    if (!e.name) errs.push(fieldError.required(p.child('name')));
    else errs.push(...nameErrors(p.child('name'), e.name, isEnvVarName));
    const from = e.valueFrom;
    if (!from) return;
    const sources = (['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const).filter((k) => from[k]);
    if (sources.length !== 1) {
      errs.push(fieldError.invalid(p.child('valueFrom'), '', 'may not have more than one field specified at a time'));
    }
    if (e.value) errs.push(fieldError.invalid(p.child('valueFrom'), '', 'may not be specified when `value` is not empty'));
    if (from.fieldRef && !from.fieldRef.fieldPath) errs.push(fieldError.required(p.child('valueFrom').child('fieldRef').child('fieldPath')));
    for (const k of ['configMapKeyRef', 'secretKeyRef'] as const) {
      const ref = from[k];
      if (ref && !ref.key) errs.push(fieldError.required(p.child('valueFrom').child(k).child('key')));
      if (ref && !ref.name) errs.push(fieldError.required(p.child('valueFrom').child(k).child('name')));
    }
  });
  (c.envFrom ?? []).forEach((e, i) => {
    const p = path.child('envFrom').index(i);
    if (!e.configMapRef === !e.secretRef) errs.push(fieldError.invalid(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    if (e.prefix) errs.push(...nameErrors(p.child('prefix'), e.prefix, isEnvVarName));
  });
  return errs;
}

export function validateResources(res: ResourceRequirements | undefined, path: FieldPath): FieldError[] {
  if (!res) return [];
  const errs: FieldError[] = [];
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, q] of Object.entries(res[kind] ?? {})) {
      if (isValidQuantity(q) && parseQuantity(q) < 0) errs.push(fieldError.invalid(path.child(kind).key(name), q, 'must be greater than or equal to 0'));
    }
  }
  for (const [name, req] of Object.entries(res.requests ?? {})) {
    const limit = res.limits?.[name];
    if (limit === undefined || !isValidQuantity(limit) || !isValidQuantity(req)) continue;
    if (parseQuantity(req) > parseQuantity(limit)) {
      errs.push(fieldError.invalid(path.child('requests').key(name), req, `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
  return errs;
}

function validateProbe(probe: Probe | undefined, path: FieldPath, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const handlers = (['exec', 'httpGet', 'tcpSocket', 'grpc'] as const).filter((k) => probe[k]);
  const errs: FieldError[] = [];
  if (handlers.length === 0) errs.push(fieldError.required(path, 'must specify a handler type'));
  for (const extra of handlers.slice(1)) errs.push(fieldError.forbidden(path.child(extra), 'may not specify more than 1 handler type'));
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...nonNegative(path.child(k), probe[k]));
  }
  if (mustSucceedOnce && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(fieldError.invalid(path.child('successThreshold'), probe.successThreshold, 'must be 1'));
  }
  if (probe.httpGet && probe.httpGet.port === undefined) errs.push(fieldError.required(path.child('httpGet').child('port')));
  if (probe.tcpSocket && probe.tcpSocket.port === undefined) errs.push(fieldError.required(path.child('tcpSocket').child('port')));
  if (probe.exec && !probe.exec.command?.length) errs.push(fieldError.required(path.child('exec').child('command')));
  return errs;
}

function validateMounts(c: Container, path: FieldPath, volumes: ReadonlySet<string>): FieldError[] {
  const errs: FieldError[] = [];
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = path.index(i);
    if (!m.name) errs.push(fieldError.required(p.child('name')));
    else if (!volumes.has(m.name)) errs.push(fieldError.notFound(p.child('name'), m.name));
    if (!m.mountPath) errs.push(fieldError.required(p.child('mountPath')));
    if (m.subPath?.startsWith('/') || m.subPath?.split('/').includes('..')) {
      errs.push(fieldError.invalid(p.child('subPath'), m.subPath, "must be a relative path without '..'"));
    }
  });
  errs.push(...duplicates((c.volumeMounts ?? []).map((m) => m.mountPath), (i) => path.index(i).child('mountPath')));
  return errs;
}

export function validateContainer(c: Container, path: FieldPath, ctx: ContainerContext): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(fieldError.required(path.child('name')));
  else errs.push(...nameErrors(path.child('name'), c.name, isDNS1123Label));
  if (!c.image) {
    if (ctx.requireImage) errs.push(fieldError.required(path.child('image')));
  } else if (c.image.trim() !== c.image) {
    errs.push(fieldError.invalid(path.child('image'), c.image, 'must not have leading or trailing whitespace'));
  }
  errs.push(...validatePorts(c, path.child('ports')));
  errs.push(...validateEnv(c, path));
  errs.push(...validateResources(c.resources, path.child('resources')));
  errs.push(...validateMounts(c, path.child('volumeMounts'), ctx.volumes));
  errs.push(...oneOf(path.child('imagePullPolicy'), c.imagePullPolicy, PULL_POLICIES, true));
  errs.push(...oneOf(path.child('terminationMessagePolicy'), c.terminationMessagePolicy, TERMINATION_POLICIES, true));
  if (ctx.init && c.restartPolicy !== undefined) errs.push(...oneOf(path.child('restartPolicy'), c.restartPolicy, ['Always']));
  if (!ctx.init && c.restartPolicy !== undefined) errs.push(fieldError.forbidden(path.child('restartPolicy'), 'may not be set for non-init containers'));
  const sidecar = ctx.init && c.restartPolicy === 'Always';
  if (ctx.init && !sidecar) {
    for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (c[k]) errs.push(fieldError.forbidden(path.child(k), 'may not be set for init containers without restartPolicy=Always'));
    }
  } else {
    errs.push(...validateProbe(c.livenessProbe, path.child('livenessProbe'), true));
    errs.push(...validateProbe(c.readinessProbe, path.child('readinessProbe'), false));
    errs.push(...validateProbe(c.startupProbe, path.child('startupProbe'), true));
  }
  return errs;
}
