/** Pod QoS class (Guaranteed / Burstable / BestEffort), computed as pkg/apis/core/helper/qos does. */
import { isValidQuantity, parseQuantity } from '../quantity.js';
import { recAt, recItems, type Rec } from '../validation/narrow.js';

const COMPUTE = ['cpu', 'memory'] as const;

function quantities(list: Rec | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, q] of Object.entries(list ?? {})) {
    if ((COMPUTE as readonly string[]).includes(name) && isValidQuantity(q)) out.set(name, parseQuantity(q));
  }
  return out;
}

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export function podQOSClass(spec: Rec): QOSClass {
  const containers = [...recItems(spec, 'initContainers'), ...recItems(spec, 'containers')].map(([c]) => c);
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const res = recAt(c, 'resources');
    const requests = quantities(recAt(res, 'requests'));
    const limits = quantities(recAt(res, 'limits'));
    if ([...requests.values(), ...limits.values()].some((v) => v !== 0)) anySet = true;
    // Guaranteed: every container limits cpu and memory, and any request equals its limit.
    for (const name of COMPUTE) {
      const limit = limits.get(name);
      const request = requests.get(name) ?? limit;
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
