/**
 * metav1.Time as Kubernetes serialises it: RFC 3339 in UTC with whole seconds
 * (`2026-11-22T10:00:00Z`). Every write stamps one or more of these, so the string of the current
 * second is made once per second.
 */
let cached = { second: Number.NaN, text: '' };

export function rfc3339(at: Date | number = Date.now()): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const second = Math.floor(ms / 1000);
  if (second !== cached.second) cached = { second, text: new Date(second * 1000).toISOString().replace('.000Z', 'Z') };
  return cached.text;
}
