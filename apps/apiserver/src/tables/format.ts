/** Cell formatting shared by several printers (labels, selectors, container lists, host:port). */
import type { Container, LabelSelector, PodTemplateSpec } from '@tugboat/api';

export const NONE = '<none>';
export const UNSET = '<unset>';

/** `value` unless empty, else `<none>`. */
export function orNone(value: string | undefined): string {
  return value ? value : NONE;
}

/** labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return orNone(keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(','));
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key, `k=v` for matchLabels,
 * `k in (a,b)`, `k notin (a,b)`, `k`, `!k` for expressions. Empty and absent selectors give ''.
 * undefined when the selector is invalid (an In/NotIn without values, an unknown operator).
 */
export function selectorString(sel: LabelSelector | undefined): string | undefined {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, text: `${key}=${v}` }));
  for (const e of sel.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (!values) return undefined;
        reqs.push({ key: e.key, text: `${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${values})` });
        break;
      case 'Exists':
        reqs.push({ key: e.key, text: e.key });
        break;
      case 'DoesNotExist':
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        return undefined;
    }
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const s = selectorString(sel);
  return s === undefined ? '<error>' : orNone(s);
}

/** The Containers and Images wide cells: names and images joined by commas. */
export function containerCells(template: PodTemplateSpec | undefined): [string, string] {
  const containers: Container[] = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** net.JoinHostPort: IPv6 addresses get brackets. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Go's printBoolPtr: `True`, `False`, or `<unset>`. */
export function formatBool(value: boolean | undefined): string {
  return value === undefined ? UNSET : value ? 'True' : 'False';
}

/** At most `max` items, then ` + N more...` as Kubernetes abbreviates long lists. */
export function listWithMore(items: readonly string[], max: number, total = items.length, sep = ','): string {
  const shown = items.slice(0, max).join(sep);
  return total > max ? `${shown} + ${total - max} more...` : shown;
}
