/** Defaulting of API objects as Kubernetes does it. Implementation: defaults/ (owned by the validation work). */
import type { KubeObject } from '../types/meta.js';

/** Fill in defaults in place (returns the same object for chaining). */
export function applyDefaults(obj: KubeObject): KubeObject {
  return obj;
}
