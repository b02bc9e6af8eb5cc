/** Objects travel inside messages as JSON bytes; decoding failures are the sender's fault (BadRequest). */
import { errors } from '@tugboat/api';

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

export function decodeJson<T>(bytes: Buffer | Uint8Array | string | undefined, field: string): T {
  if (bytes === undefined || bytes.length === 0) throw errors.badRequest(`${field}: Required value`);
  try {
    return JSON.parse(Buffer.isBuffer(bytes) || typeof bytes === 'string' ? bytes.toString() : Buffer.from(bytes).toString()) as T;
  } catch (err) {
    throw errors.badRequest(`${field}: invalid JSON: ${(err as Error).message}`);
  }
}
