/** Content negotiation for Table responses. */

/** Media types a JSON Table can answer (protobuf Tables are not served). */
const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

function parseParams(params: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    out.set(p.slice(0, eq).trim().toLowerCase(), value);
  }
  return out;
}

function isTableMediaType(mediaRange: string): boolean {
  const [type, ...params] = mediaRange.split(';').map((s) => s.trim());
  if (!type || !JSON_TYPES.has(type.toLowerCase())) return false;
  const p = parseParams(params);
  const version = p.get('v');
  return p.get('as') === 'Table' && p.get('g') === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1');
}

/**
 * True when the Accept header asks for `application/json;as=Table;g=meta.k8s.io;v=v1` (or v1beta1), in any
 * parameter order, anywhere among its comma-separated media ranges, as `kubectl get` sends it.
 */
export function wantsTable(acceptHeader: string | undefined): boolean {
  if (!acceptHeader) return false;
  return acceptHeader.split(',').some(isTableMediaType);
}
