/**
 * Label selectors (equality- and set-based, the query-string syntax) and field selectors.
 * Parsed once into a typed form; `matches` is then a pure check.
 */
import { ApiError } from './errors.js';
import type { KubeObject, LabelSelector } from './types/meta.js';

export type Requirement =
  | { key: string; op: 'In' | 'NotIn'; values: string[] }
  | { key: string; op: 'Exists' | 'DoesNotExist' }
  | { key: string; op: 'Gt' | 'Lt'; values: [string] };

export type LabelRequirements = readonly Requirement[];

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function bad(msg: string): ApiError {
  return new ApiError('BadRequest', `unable to parse requirement: ${msg}`);
}

/** Split on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

function checkKey(key: string): string {
  if (!LABEL_KEY.test(key)) throw bad(`invalid label key "${key}"`);
  return key;
}

function parseTerm(term: string): Requirement {
  let m = /^!\s*(\S+)$/.exec(term);
  if (m) return { key: checkKey(m[1]!), op: 'DoesNotExist' };
  m = /^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (m) {
    const values = m[3]!.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
    return { key: checkKey(m[1]!), op: m[2] === 'in' ? 'In' : 'NotIn', values };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(\S*)$/.exec(term);
  if (m) {
    const key = checkKey(m[1]!);
    const value = m[3]!;
    switch (m[2]) {
      case '=':
      case '==':
        return { key, op: 'In', values: [value] };
      case '!=':
        return { key, op: 'NotIn', values: [value] };
      case '>':
        return { key, op: 'Gt', values: [value] };
      default:
        return { key, op: 'Lt', values: [value] };
    }
  }
  if (/^\S+$/.test(term)) return { key: checkKey(term), op: 'Exists' };
  throw bad(`"${term}"`);
}

/** Parse `app=web,tier in (a,b),!legacy` as sent in `?labelSelector=`. */
export function parseLabelSelector(s: string | undefined): LabelRequirements {
  if (!s) return [];
  return splitTerms(s).map(parseTerm);
}

/** Convert a structured LabelSelector (as in a Deployment spec) into requirements. */
export function labelSelectorRequirements(sel: LabelSelector | undefined): LabelRequirements {
  if (!sel) return [];
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, op: 'In', values: [v] }));
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'Exists' || e.operator === 'DoesNotExist') reqs.push({ key: e.key, op: e.operator });
    else reqs.push({ key: e.key, op: e.operator, values: e.values ?? [] });
  }
  return reqs;
}

export function labelsMatch(reqs: LabelRequirements, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'In':
        return has && r.values.includes(v!);
      case 'NotIn':
        return !has || !r.values.includes(v!);
      case 'Gt':
        return has && Number(v) > Number(r.values[0]);
      case 'Lt':
        return has && Number(v) < Number(r.values[0]);
    }
  });
}

/** Print requirements back in query-string form (`app=web,tier in (a,b)`), as the scale subresource reports them. */
export function formatLabelSelector(reqs: LabelRequirements): string {
  return reqs
    .map((r) => {
      switch (r.op) {
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'In':
          return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
        case 'NotIn':
          return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
        case 'Gt':
          return `${r.key}>${r.values[0]}`;
        case 'Lt':
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(',');
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Parse `?fieldSelector=metadata.name=web,spec.nodeName!=n1`. */
export function parseFieldSelector(s: string | undefined): FieldRequirement[] {
  if (!s) return [];
  return splitTerms(s).map((term) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new ApiError('BadRequest', `invalid field selector: "${term}"`);
    return { field: m[1]!.trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3]!.trim() };
  });
}

/** Fields every kind can be selected on; kinds add their own (spec.nodeName, status.phase, involvedObject.*). */
export const COMMON_SELECTABLE_FIELDS = ['metadata.name', 'metadata.namespace'] as const;

/** Read a dotted path out of an object (`involvedObject.kind`); missing → ''. */
export function fieldValue(obj: KubeObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

export function fieldsMatch(reqs: readonly FieldRequirement[], obj: KubeObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) === (r.op === '='));
}
