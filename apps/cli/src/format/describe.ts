/**
 * `describe` text: the identity block (Name, Namespace, Labels, Annotations, …), then every other
 * top-level field (Spec, Status, Data, …) as nested, aligned sections, then the Events table.
 */
import type { KubeObject } from '@tugboat/api';
import { alignRows } from './columns.js';
import { since as age } from '@tugboat/api';

const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
/** maps whose keys are user data, printed verbatim rather than humanized */
const FREE_FORM = new Set(['labels', 'annotations', 'matchLabels', 'data', 'binaryData', 'stringData', 'nodeSelector', 'selector', 'limits', 'requests', 'capacity', 'allocatable', 'hard', 'used']);
const INDENT = '  ';
/** describe's tabwriter padding, as kubectl's describers use */
const GAP = 2;

/** `creationTimestamp` → `Creation Timestamp`, `podIP` → `Pod IP`, `uid` → `UID`. */
export function humanizeKey(key: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) return key;
  const words = key.match(/[A-Z]+s(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [key];
  return words.map((w) => (['uid', 'ip', 'id', 'url', 'cidr', 'dns', 'tls'].includes(w.toLowerCase()) ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(' ');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringMap(v: unknown): boolean {
  return isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'string') return v;
  return String(v);
}

function isScalar(v: unknown): boolean {
  return !(typeof v === 'object' && v !== null) || (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

function emptyOrScalar(v: unknown): string {
  if (Array.isArray(v) || isPlainObject(v)) return '<none>';
  return scalarText(v);
}

/** Lines for one map at `depth`: its scalar fields first, aligned in one block, then nested values below their key. */
export function renderMap(map: Record<string, unknown>, depth: number, verbatimKeys = false): string[] {
  const pad = INDENT.repeat(depth);
  const scalars: string[][] = [];
  const nested: string[] = [];
  for (const [rawKey, value] of Object.entries(map)) {
    const key = verbatimKeys ? rawKey : humanizeKey(rawKey);
    if (typeof value === 'string' && value.includes('\n')) {
      nested.push(`${pad}${key}:`, ...value.replace(/\n$/, '').split('\n').map((l) => `${pad}${INDENT}${l}`));
    } else if (isScalar(value)) {
      scalars.push([`${key}:`, emptyOrScalar(value)]);
    } else {
      nested.push(`${pad}${key}:`, ...renderValue(value, depth + 1, FREE_FORM.has(rawKey) && isStringMap(value)));
    }
  }
  return [...alignRows(scalars, undefined, GAP).map((l) => pad + l), ...nested];
}

/** A list item named by its `name` (containers, env, volumes) or `type` (conditions), if it has one. */
function itemTitle(item: Record<string, unknown>): { title: string; rest: Record<string, unknown> } | undefined {
  for (const key of ['name', 'type']) {
    const v = item[key];
    if (typeof v === 'string' && v !== '') {
      const rest = { ...item };
      delete rest[key];
      return { title: v, rest };
    }
  }
  return undefined;
}

function renderValue(value: unknown, depth: number, verbatimKeys: boolean): string[] {
  const pad = INDENT.repeat(depth);
  if (isPlainObject(value)) return renderMap(value, depth, verbatimKeys);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isPlainObject(item)) return [`${pad}${scalarText(item)}`];
      const titled = itemTitle(item);
      if (titled) return [`${pad}${titled.title}:`, ...renderMap(titled.rest, depth + 1)];
      // untitled items as YAML-style entries: `- First Key:  v` with the rest beneath
      const lines = renderMap(item, depth + 1);
      return lines.map((l, i) => (i === 0 ? `${pad}- ${l.slice(pad.length + INDENT.length)}` : l));
    });
  }
  return [`${pad}${scalarText(value)}`];
}

/** `Labels:  a=b` with further entries beneath the first, aligned to `pad`. */
function keyValueLines(label: string, entries: string[]): string[] {
  if (entries.length === 0) return [`${label}<none>`];
  const pad = ' '.repeat(label.length);
  return entries.map((e, i) => (i === 0 ? label : pad) + e);
}

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string; host?: string };
  reportingController?: string;
  metadata?: { creationTimestamp?: string };
}

function eventAge(e: EventLike, now: Date): string {
  const last = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
  const first = e.firstTimestamp ?? e.eventTime;
  const lastAge = age(last, now);
  if ((e.count ?? 1) > 1 && first) return `${lastAge} (x${e.count} over ${age(first, now)})`;
  return lastAge;
}

function eventTime(e: EventLike): number {
  return Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '') || 0;
}

export function renderEvents(events: readonly KubeObject[] | Error, now: Date): string[] {
  if (events instanceof Error) return [`${'Events:'.padEnd(IDENTITY_WIDTH)}<unable to list events: ${events.message}>`];
  if (events.length === 0) return [`${'Events:'.padEnd(IDENTITY_WIDTH)}<none>`];
  const sorted = [...(events as unknown as EventLike[])].sort((a, b) => eventTime(a) - eventTime(b));
  const rows = [
    ['Type', 'Reason', 'Age', 'From', 'Message'],
    ['----', '------', '----', '----', '-------'],
    ...sorted.map((e) => [e.type ?? '', e.reason ?? '', eventAge(e, now), e.source?.component ?? e.reportingController ?? '', (e.message ?? '').trim()]),
  ];
  return ['Events:', ...alignRows(rows, undefined, GAP).map((l) => INDENT + l)];
}

/** the identity block's values start here: `CreationTimestamp:` plus describe's gap */
const IDENTITY_WIDTH = 'CreationTimestamp:'.length + GAP;

export function describeObject(obj: KubeObject, events: readonly KubeObject[] | Error, now: Date): string {
  const meta = obj.metadata;
  const label = (s: string): string => `${s}:`.padEnd(IDENTITY_WIDTH);
  const lines: string[] = [`${label('Name')}${meta.name ?? ''}`];
  if (meta.namespace !== undefined) lines.push(`${label('Namespace')}${meta.namespace}`);
  lines.push(...keyValueLines(label('Labels'), Object.entries(meta.labels ?? {}).map(([k, v]) => `${k}=${v}`)));
  const annotations = Object.entries(meta.annotations ?? {}).filter(([k]) => !SKIPPED_ANNOTATIONS.has(k));
  lines.push(...keyValueLines(label('Annotations'), annotations.map(([k, v]) => `${k}: ${v}`)));
  lines.push(`${label('API Version')}${obj.apiVersion}`, `${label('Kind')}${obj.kind}`);
  if (meta.creationTimestamp) lines.push(`${label('CreationTimestamp')}${meta.creationTimestamp}`);
  const controller = meta.ownerReferences?.find((o) => o.controller) ?? meta.ownerReferences?.[0];
  if (controller) lines.push(`${label('Controlled By')}${controller.kind}/${controller.name}`);
  if (meta.deletionTimestamp) lines.push(`${label('Terminating')}since ${meta.deletionTimestamp}`);
  if (meta.finalizers && meta.finalizers.length > 0) lines.push(`${label('Finalizers')}${meta.finalizers.join(', ')}`);
  const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => !['apiVersion', 'kind', 'metadata'].includes(k)));
  lines.push(...renderMap(rest, 0));
  lines.push(...renderEvents(events, now));
  return lines.join('\n') + '\n';
}
