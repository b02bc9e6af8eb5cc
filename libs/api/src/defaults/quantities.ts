/** Quantities typed as bare YAML numbers (`cpu: 1`) are stored as strings, as Kubernetes serializes them. */
import { isRecord, type Rec } from '../validation/narrow.js';

/** Turn every number value of the ResourceList at `rec[key]` into its string form. */
export function stringifyQuantities(rec: Rec | undefined, key: string): void {
  const list = rec?.[key];
  if (!isRecord(list)) return;
  for (const [name, v] of Object.entries(list)) if (typeof v === 'number') list[name] = String(v);
}

/** Same for a ResourceRequirements (limits and requests). */
export function stringifyRequirements(res: unknown): void {
  if (!isRecord(res)) return;
  stringifyQuantities(res, 'limits');
  stringifyQuantities(res, 'requests');
}
