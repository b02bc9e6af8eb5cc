/**
 * Service defaults (SetDefaults_Service plus the IP-family fields the service REST storage fills).
 * ClusterIP and nodePort allocation are the apiserver's; only `clusterIPs` mirrors a clusterIP given.
 */
import type { KubeObject } from '../types/meta.js';
import { recAt, recItems, setDefault, setDefaultString, type Rec } from '../validation/narrow.js';

function defaultPorts(spec: Rec): void {
  for (const [port] of recItems(spec, 'ports')) {
    setDefaultString(port, 'protocol', 'TCP');
    // targetPort 0 and "" are Go zero values: both mean "same as port".
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
}

/** Single-stack IPv4 cluster: headless services without a selector ask for dual stack, as Kubernetes does. */
function defaultIPFamilies(spec: Rec): void {
  const headless = spec.clusterIP === 'None';
  const selector = recAt(spec, 'selector');
  const hasSelector = selector !== undefined && Object.keys(selector).length > 0;
  setDefault(spec, 'ipFamilyPolicy', headless && !hasSelector ? 'RequireDualStack' : 'SingleStack');
  setDefault(spec, 'ipFamilies', ['IPv4']);
}

export function defaultService(svc: KubeObject): void {
  const spec = recAt(svc, 'spec');
  if (!spec) return;
  setDefaultString(spec, 'type', 'ClusterIP');
  setDefaultString(spec, 'sessionAffinity', 'None');
  defaultPorts(spec);
  const type = spec.type;
  if (type === 'NodePort' || type === 'LoadBalancer') setDefaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = recAt(spec, 'sessionAffinityConfig') ?? (spec.sessionAffinityConfig = {});
    const clientIP = recAt(cfg, 'clientIP') ?? (cfg.clientIP = {});
    setDefault(clientIP, 'timeoutSeconds', 10800);
  }
  if (type !== 'ExternalName') {
    setDefaultString(spec, 'internalTrafficPolicy', 'Cluster');
    defaultIPFamilies(spec);
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '') setDefault(spec, 'clusterIPs', [spec.clusterIP]);
  }
  setDefault(svc, 'status', { loadBalancer: {} });
}

/** Endpoints: ports default to TCP (SetDefaults_EndpointPort). */
export function defaultEndpoints(ep: KubeObject): void {
  for (const [subset] of recItems(ep, 'subsets')) {
    for (const [port] of recItems(subset, 'ports')) setDefaultString(port, 'protocol', 'TCP');
  }
}
