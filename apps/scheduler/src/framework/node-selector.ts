/**
 * Node selector terms (required and preferred node affinity): terms are ORed, a term's
 * requirements ANDed; matchExpressions test labels, matchFields only `metadata.name`. As in
 * k8s, an empty term or a malformed requirement (In without values, Gt with a non-integer)
 * matches nothing. Label matching itself is @tugboat/api's selector code.
 */
import { labelsMatch } from '@tugboat/api';
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Requirement } from '@tugboat/api';

function toRequirement(r: NodeSelectorRequirement): Requirement | undefined {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      return values.length > 0 ? { key: r.key, op: r.operator, values } : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0 ? { key: r.key, op: r.operator } : undefined;
    case 'Gt':
    case 'Lt':
      return values.length === 1 && /^-?\d+$/.test(values[0]!) ? { key: r.key, op: r.operator, values: [values[0]!] } : undefined;
    default:
      return undefined;
  }
}

function requirementsMatch(reqs: readonly NodeSelectorRequirement[], values: Record<string, string>): boolean {
  const parsed = reqs.map(toRequirement);
  if (parsed.some((r) => r === undefined)) return false;
  return labelsMatch(parsed as Requirement[], values);
}

export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  if (fields.some((f) => f.key !== 'metadata.name')) return false;
  return requirementsMatch(exprs, node.metadata.labels ?? {}) && requirementsMatch(fields, { 'metadata.name': node.metadata.name ?? '' });
}

export function anyTermMatches(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => termMatches(t, node));
}
