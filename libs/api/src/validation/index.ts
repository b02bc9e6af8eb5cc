/** Validation of API objects. Implementation: validation/ (owned by the validation work). */
import type { ResourceInfo } from '../registry.js';
import type { KubeObject } from '../types/meta.js';
import type { FieldError } from './field.js';

/**
 * Validate an object (metadata and body) for create (`old` undefined) or update.
 * Returns every problem found, each with its precise field path.
 */
export function validateObject(_info: ResourceInfo, _obj: KubeObject, _old?: KubeObject): FieldError[] {
  return [];
}
