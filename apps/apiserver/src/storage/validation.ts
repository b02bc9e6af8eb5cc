/**
 * What create and update check of the object they were given: that it is the kind the URL
 * addresses, and @tugboat/api's validation, whose problems become one 422 Invalid.
 */
import type { KubeObject, ResourceInfo } from '@tugboat/api';
import { apiVersionOf, errors, toCause, validateObject, validateStatusUpdate } from '@tugboat/api';
import type { Subresource } from './strategy.js';

/** An object without apiVersion and kind is taken as the URL's kind (filled in place); another kind is a 400. */
export function checkTypeMeta(info: ResourceInfo, obj: KubeObject): void {
  const want = apiVersionOf(info);
  if (obj.apiVersion === undefined && obj.kind === undefined) {
    obj.apiVersion = want;
    obj.kind = info.kind;
    return;
  }
  if (obj.kind !== info.kind || obj.apiVersion !== want) {
    throw errors.badRequest(`the object provided is of kind "${obj.apiVersion}, Kind=${obj.kind}" but the URL addresses "${want}, Kind=${info.kind}"`);
  }
}

/** A status write keeps the stored spec and metadata (prepareForUpdate): only its status is new. */
export function validateWrite(info: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, subresource?: Subresource): void {
  const problems = subresource === 'status' ? validateStatusUpdate(info, obj) : validateObject(info, obj, old);
  if (problems.length > 0) throw errors.invalid(info.kind, info.group, obj.metadata?.name ?? '', problems.map(toCause));
}
