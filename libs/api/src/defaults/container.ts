/** Container defaults (SetDefaults_Container, _ContainerPort, _Probe, _HTTPGetAction, _ObjectFieldSelector…). */
import { isRecord, recAt, recItems, setDefault, setDefaultString, strAt, type Rec } from '../validation/narrow.js';
import { stringifyRequirements } from './quantities.js';

/** The tag of an image reference; `latest` when neither tag nor digest is given (as ParseImageName does). */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return name.slice(colon + 1);
  return at < 0 ? 'latest' : '';
}

export function defaultFieldRef(ref: Rec | undefined): void {
  if (ref) setDefaultString(ref, 'apiVersion', 'v1');
}

/** resourceFieldRef.divisor is a non-pointer Quantity in Go, so it always serializes, as "0" when unset. */
export function defaultResourceFieldRef(ref: Rec | undefined): void {
  if (!ref) return;
  setDefault(ref, 'divisor', '0');
  if (typeof ref.divisor === 'number') ref.divisor = String(ref.divisor);
}

function defaultHandler(h: Rec | undefined): void {
  const http = recAt(h, 'httpGet');
  if (http) {
    setDefaultString(http, 'path', '/');
    setDefaultString(http, 'scheme', 'HTTP');
  }
  const grpc = recAt(h, 'grpc');
  if (grpc) setDefault(grpc, 'service', '');
}

function defaultProbe(probe: Rec | undefined): void {
  if (!probe) return;
  defaultHandler(probe);
  for (const [k, v] of [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const) {
    if (probe[k] === undefined || probe[k] === null || probe[k] === 0) probe[k] = v;
  }
}

export function defaultContainer(c: Rec): void {
  const image = strAt(c, 'image');
  if (image !== undefined && !c.imagePullPolicy) c.imagePullPolicy = imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
  setDefaultString(c, 'terminationMessagePath', '/dev/termination-log');
  setDefaultString(c, 'terminationMessagePolicy', 'File');
  for (const [port] of recItems(c, 'ports')) setDefaultString(port, 'protocol', 'TCP');
  for (const [env] of recItems(c, 'env')) {
    const from = recAt(env, 'valueFrom');
    defaultFieldRef(recAt(from, 'fieldRef'));
    defaultResourceFieldRef(recAt(from, 'resourceFieldRef'));
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(recAt(c, key));
  const lifecycle = recAt(c, 'lifecycle');
  defaultHandler(recAt(lifecycle, 'postStart'));
  defaultHandler(recAt(lifecycle, 'preStop'));
  stringifyRequirements(c.resources);
}

/** Pods only (SetDefaults_Pod): a resource with a limit but no request gets the limit as its request. */
export function defaultRequestsFromLimits(c: Rec): void {
  const res = recAt(c, 'resources');
  const limits = recAt(res, 'limits');
  if (!res || !limits || Object.keys(limits).length === 0) return;
  const requests = isRecord(res.requests) ? res.requests : (res.requests = {});
  if (!isRecord(requests)) return;
  for (const [name, v] of Object.entries(limits)) if (!(name in requests)) requests[name] = v;
}

/** Pods only: with hostNetwork, a container port's hostPort defaults to its containerPort. */
export function defaultHostNetworkPorts(c: Rec): void {
  for (const [port] of recItems(c, 'ports')) {
    if (!port.hostPort && port.containerPort !== undefined) port.hostPort = port.containerPort;
  }
}
