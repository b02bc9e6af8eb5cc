/** Patch types the API accepts. Implementation: patch/ (owned by the patch work). */
import type { KubeObject } from '../types/meta.js';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_CONTENT_TYPES: Readonly<Record<string, PatchType>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/**
 * Apply a json / merge / strategic patch (already parsed from the body) to `original`.
 * `original` is not modified. Throws ApiError('BadRequest'|'Invalid'|'Conflict').
 */
export function applyPatch(_kind: string, _original: KubeObject, _patch: unknown, _type: Exclude<PatchType, 'apply'>): KubeObject {
  throw new Error('applyPatch: not implemented yet');
}

export interface ServerSideApplyOptions {
  fieldManager: string;
  force: boolean;
}

/**
 * Server-side apply: merge `applied` (the manager's full intent) into `current` (undefined → create),
 * removing fields this manager applied before but no longer does, and recording ownership in
 * metadata.managedFields. Conflicts with other managers → ApiError('Conflict') unless force.
 */
export function serverSideApply(_current: KubeObject | undefined, _applied: KubeObject, _opts: ServerSideApplyOptions): KubeObject {
  throw new Error('serverSideApply: not implemented yet');
}
