/**
 * JSON patch (RFC 6902) through fast-json-patch. Error classes follow the apiserver: a body that is not a
 * valid operation list is a 400 BadRequest; an operation that does not fit the document (failed `test`,
 * missing path) is a 422 Invalid, as Kubernetes answers for errors from applying the patch.
 */
import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { ApiError } from '../errors.js';
import { clone } from './json-value.js';
import type { JsonObject } from './json-value.js';

/** Errors fast-json-patch raises when the operation itself is well-formed but the document does not fit it. */
const DOCUMENT_ERRORS = new Set([
  'TEST_OPERATION_FAILED',
  'OPERATION_PATH_CANNOT_ADD',
  'OPERATION_PATH_UNRESOLVABLE',
  'OPERATION_FROM_UNRESOLVABLE',
  'OPERATION_PATH_ILLEGAL_ARRAY_INDEX',
  'OPERATION_VALUE_OUT_OF_BOUNDS',
]);

export function jsonPatch(original: JsonObject, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new ApiError('BadRequest', 'json patch body must be a JSON array of operations');
  }
  const ops = operations as Operation[];
  // Validate the shape without the document first, so malformed operations are told apart from misfits.
  const malformed = jsonpatch.validate(ops);
  if (malformed) throw new ApiError('BadRequest', `invalid json patch: ${describe(malformed)}`, { cause: malformed });
  try {
    return jsonpatch.applyPatch(clone(original), ops, true, true, true).newDocument;
  } catch (err) {
    if (err instanceof jsonpatch.JsonPatchError) {
      const code = DOCUMENT_ERRORS.has(err.name) ? 'Invalid' : 'BadRequest';
      throw new ApiError(code, describe(err), { cause: err });
    }
    throw err;
  }
}

/** Messages shaped like the Go json-patch library's, which is what kubectl users see from Kubernetes. */
function describe(err: InstanceType<typeof jsonpatch.JsonPatchError>): string {
  const op: Partial<Operation> = (err.operation as Partial<Operation> | undefined) ?? {};
  const path = op.path ?? '';
  switch (err.name) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${path} failed: test failed`;
    case 'OPERATION_PATH_UNRESOLVABLE':
    case 'OPERATION_PATH_CANNOT_ADD':
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `${op.op ?? 'patch'} operation does not apply: doc is missing path: "${path}": missing value`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `${op.op ?? 'patch'} operation does not apply: doc is missing from path: "${'from' in op ? op.from : ''}": missing value`;
    default:
      return `${err.name}: ${err.message.split('\n')[0] ?? ''}`;
  }
}
