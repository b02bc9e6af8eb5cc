/**
 * `describe pod` as kubectl prints it (pkg/describe describePod): identity, node, status, IPs, each
 * container's state / last state / readiness / restarts, conditions, and the pod's events.
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod } from '@tugboat/api';
import { renderEvents } from './describe.js';
import { cells, describeTime, heading, list, pair, renderLines } from './describe-lines.js';
import type { DescribeLine } from './describe-lines.js';

const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function stateLines(label: string, state: ContainerState | undefined, indent: number): DescribeLine[] {
  const { running, waiting, terminated } = state ?? {};
  if (running) return [pair(label, 'Running', indent), pair('Started', describeTime(running.startedAt), indent + 1)];
  if (waiting) {
    const lines = [pair(label, 'Waiting', indent), pair('Reason', waiting.reason, indent + 1)];
    if (waiting.message) lines.push(pair('Message', waiting.message, indent + 1));
    return lines;
  }
  if (terminated) {
    const lines = [pair(label, 'Terminated', indent), pair('Reason', terminated.reason, indent + 1)];
    if (terminated.message) lines.push(pair('Message', terminated.message.trim(), indent + 1));
    lines.push(pair('Exit Code', terminated.exitCode, indent + 1));
    if (terminated.signal) lines.push(pair('Signal', terminated.signal, indent + 1));
    lines.push(pair('Started', describeTime(terminated.startedAt), indent + 1), pair('Finished', describeTime(terminated.finishedAt), indent + 1));
    return lines;
  }
  return [pair(label, 'Waiting', indent)];
}

function envValue(e: EnvVar): string {
  if (e.value !== undefined) return e.value;
  const from = e.valueFrom;
  if (from?.configMapKeyRef) return `<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>`;
  if (from?.secretKeyRef) return `<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>`;
  if (from?.fieldRef) return `(${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`;
  return '';
}

function resourceLines(label: string, list: Record<string, string> | undefined): DescribeLine[] {
  const entries = Object.entries(list ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return [];
  return [heading(`    ${label}:`), ...entries.map(([k, v]) => pair(k, v, 3))];
}

function containerLines(c: Container, status: ContainerStatus | undefined): DescribeLine[] {
  const lines: DescribeLine[] = [heading(`  ${c.name}:`)];
  if (status?.containerID) lines.push(pair('Container ID', status.containerID, 2));
  lines.push(pair('Image', c.image, 2), pair('Image ID', status?.imageID, 2));
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
  lines.push(pair(ports.length > 1 ? 'Ports' : 'Port', ports.join(', '), 2));
  if (c.command?.length) lines.push(heading('    Command:'), ...c.command.map((a) => heading(a, 3)));
  if (c.args?.length) lines.push(heading('    Args:'), ...c.args.map((a) => heading(a, 3)));
  if (status) {
    lines.push(...stateLines('State', status.state, 2));
    if (status.lastState && Object.keys(status.lastState).length > 0) lines.push(...stateLines('Last State', status.lastState, 2));
  }
  lines.push(pair('Ready', status?.ready ? 'True' : 'False', 2), pair('Restart Count', status?.restartCount ?? 0, 2));
  lines.push(...resourceLines('Limits', c.resources?.limits), ...resourceLines('Requests', c.resources?.requests));
  const env = c.env ?? [];
  if (env.length === 0 && !c.envFrom?.length) lines.push(pair('Environment', '<none>', 2));
  else {
    lines.push(heading('    Environment:'), ...env.map((e) => pair(e.name, envValue(e), 3)));
    for (const from of c.envFrom ?? []) {
      const source = from.configMapRef ? `${from.configMapRef.name ?? ''}  ConfigMap` : `${from.secretRef?.name ?? ''}  Secret`;
      lines.push(heading(`      ${source}  Optional: ${String(from.configMapRef?.optional ?? from.secretRef?.optional ?? false)}`));
    }
  }
  return lines;
}

function containersSection(title: string, specs: readonly Container[] | undefined, statuses: readonly ContainerStatus[] | undefined): DescribeLine[] {
  if (!specs?.length) return [];
  return [heading(`${title}:`), ...specs.flatMap((c) => containerLines(c, statuses?.find((s) => s.name === c.name)))];
}

function statusText(pod: Pod): string {
  if (!pod.metadata.deletionTimestamp) return pod.status?.phase ?? 'Pending';
  const grace = pod.metadata.deletionGracePeriodSeconds;
  return `Terminating${grace !== undefined ? ` (lasts ${grace}s)` : ''}`;
}

export function describePod(pod: Pod, events: Parameters<typeof renderEvents>[0], now: Date): string {
  const meta = pod.metadata;
  const spec = pod.spec;
  const status = pod.status ?? {};
  const lines: DescribeLine[] = [pair('Name', meta.name), pair('Namespace', meta.namespace)];
  if (spec?.priority !== undefined) lines.push(pair('Priority', spec.priority));
  lines.push(pair('Service Account', spec?.serviceAccountName));
  lines.push(pair('Node', spec?.nodeName ? `${spec.nodeName}${status.hostIP ? `/${status.hostIP}` : ''}` : undefined));
  if (status.startTime) lines.push(pair('Start Time', describeTime(status.startTime)));
  lines.push(...list('Labels', Object.entries(meta.labels ?? {}).map(([k, v]) => `${k}=${v}`)));
  lines.push(...list('Annotations', Object.entries(meta.annotations ?? {}).filter(([k]) => !SKIPPED_ANNOTATIONS.has(k)).map(([k, v]) => `${k}: ${v}`)));
  lines.push(pair('Status', statusText(pod)));
  if (meta.deletionTimestamp) lines.push(pair('Termination Grace Period', `${spec?.terminationGracePeriodSeconds ?? 30}s`));
  if (status.reason) lines.push(pair('Reason', status.reason));
  if (status.message) lines.push(pair('Message', status.message));
  lines.push(pair('IP', status.podIP));
  const ips = status.podIPs ?? [];
  if (ips.length === 0) lines.push(pair('IPs', '<none>'));
  else lines.push(heading('IPs:'), ...ips.map((ip) => pair('IP', ip.ip, 1)));
  const controller = meta.ownerReferences?.find((o) => o.controller);
  if (controller) lines.push(pair('Controlled By', `${controller.kind}/${controller.name}`));
  lines.push(...containersSection('Init Containers', spec?.initContainers, status.initContainerStatuses));
  lines.push(...containersSection('Containers', spec?.containers, status.containerStatuses));
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    lines.push(heading('Conditions:'), cells('Type', 'Status', 1), ...conditions.map((c) => cells(c.type, c.status, 1)));
  }
  if (status.qosClass) lines.push(pair('QoS Class', status.qosClass));
  lines.push(...list('Node-Selectors', Object.entries(spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`)));
  lines.push(
    ...list(
      'Tolerations',
      (spec?.tolerations ?? []).map((t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}${t.operator === 'Exists' && !t.key ? 'op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`),
    ),
  );
  return [...renderLines(lines), ...renderEvents(events, now)].join('\n') + '\n';
}
