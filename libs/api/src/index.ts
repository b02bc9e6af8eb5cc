/**
 * @tugboat/api: the API's types and rules, shared by every component.
 *
 *   import { resourceFor, validateObject, applyDefaults, errors } from '@tugboat/api';
 *   const info = resourceFor('apps', 'v1', 'deployments')!;
 *   applyDefaults(obj);
 *   const problems = validateObject(info, obj);
 *   if (problems.length) throw errors.invalid(info.kind, info.group, name, problems.map(toCause));
 */
export type {
  Condition,
  DeleteOptions,
  KubeList,
  KubeObject,
  LabelSelector,
  LabelSelectorRequirement,
  ListMeta,
  ManagedFieldsEntry,
  ObjectMeta,
  OwnerReference,
  Status,
  StatusCause,
  StatusDetails,
  WatchEvent,
  WatchEventType,
} from './types/meta.js';
export { ApiError, ERROR_CODES, apiErrorFromStatus, errors, isApiError, qualifiedResource, toApiError } from './errors.js';
export type { ErrorCode } from './errors.js';
export {
  RESOURCES,
  apiVersionOf,
  groupVersions,
  resolveResourceName,
  resourceFor,
  resourceForKind,
  splitApiVersion,
} from './registry.js';
export type { ResourceInfo, Subresource } from './registry.js';
export {
  COMMON_SELECTABLE_FIELDS,
  fieldValue,
  fieldsMatch,
  formatLabelSelector,
  labelSelectorRequirements,
  labelsMatch,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors.js';
export type { FieldRequirement, LabelRequirements, Requirement } from './selectors.js';
export { FieldPath, fieldError, fieldErrorMessage, toCause } from './validation/field.js';
export type { FieldError, FieldErrorType } from './validation/field.js';
export { validateObject, validateStatusUpdate } from './validation/index.js';
export { applyDefaults } from './defaults/index.js';
export { PATCH_CONTENT_TYPES, applyPatch, isStrategicKind, recordUpdateManager, serverSideApply, touchUpdateManager } from './patch/index.js';
export type { PatchType, ServerSideApplyOptions, UpdateManagerOptions } from './patch/index.js';
export type * from './types/index.js';
export { isValidQuantity, milliValue, parseQuantity, quantityValue } from './quantity.js';
export type { QuantityInput } from './quantity.js';
export { podQOSClass } from './defaults/qos.js';
export type { QOSClass } from './defaults/qos.js';
export { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './validation/names.js';
export { humanDuration, parseTime, since } from './duration.js';
export { rfc3339 } from './time.js';
export { CHANNEL, V5_PROTOCOL, decodeFrame, encodeFrame, encodeResize, exitStatus, parseExitStatus, parseResize } from './remotecommand.js';
export type { ExecOutcome, Frame, TerminalSize } from './remotecommand.js';
export { installFastAsyncResourceBind } from './runtime/async-resource-bind.js';
