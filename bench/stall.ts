/** Why a bind phase stalled: where the pods it waited for are, as the apiserver and their nodes see them. */
import type { Pod } from '@tugboat/api';
import type { Endpoint } from './http.js';
import { call } from './http.js';

/**
 * Lists `listPath` and says how many of `expected` (pod names) are unbound, bound but never seen by
 * their node (`seenAt`), or missing from the list altogether (the apiserver's watch cache lost them),
 * with a few names of each.
 */
export async function whereStuck(http: Endpoint, listPath: string, expected: readonly string[], seenAt: ReadonlyMap<string, number>): Promise<string> {
  const pods = (JSON.parse((await call(http, { method: 'GET', path: listPath })).body) as { items: Pod[] }).items;
  const unbound = pods.filter((p) => !p.spec?.nodeName);
  const unseen = pods.filter((p) => p.spec?.nodeName && !seenAt.has(p.metadata.name!));
  const listed = new Set(pods.map((p) => p.metadata.name));
  const unlisted = expected.filter((name) => !listed.has(name));
  const sample = (ps: Pod[]) => ps.slice(0, 5).map((p) => `${p.metadata.name}@${p.spec?.nodeName ?? '-'} rv ${p.metadata.resourceVersion}`).join(', ');
  return (
    `${pods.length} pods listed: ${unbound.length} unbound (${sample(unbound)}), ${unseen.length} bound but not seen by their node (${sample(unseen)}); ` +
    `${unlisted.length} created but missing from the list (${unlisted.slice(0, 5).join(', ')})`
  );
}
