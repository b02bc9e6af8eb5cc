/** ConfigMap and Secret validation: keys, base64 data, sizes, type rules, and `immutable`. */
import type { ConfigMap, Secret } from '../types/core.js';
import { nameErrors } from './checks.js';
import { FieldPath, fieldError, type FieldError } from './field.js';
import { isConfigMapKey } from './names.js';
import { deepEqual } from './narrow.js';

const MAX_BYTES = 1024 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function validateKeys(map: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  return Object.keys(map ?? {}).flatMap((k) => nameErrors(path.key(k), k, isConfigMapKey));
}

function validateBase64(map: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  return Object.entries(map ?? {}).flatMap(([k, v]) =>
    BASE64.test(v) ? [] : [fieldError.invalid(path.key(k), '<value omitted>', 'must be base64-encoded')]);
}

function tooBig(path: FieldPath, bytes: number): FieldError[] {
  return bytes > MAX_BYTES ? [fieldError.tooLong(path, '', MAX_BYTES)] : [];
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = [...validateKeys(cm.data, FieldPath.root('data')), ...validateKeys(cm.binaryData, FieldPath.root('binaryData'))];
  errs.push(...validateBase64(cm.binaryData, FieldPath.root('binaryData')));
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    total += Buffer.byteLength(v);
    if (cm.binaryData && k in cm.binaryData) errs.push(fieldError.invalid(FieldPath.root('data').key(k), k, 'duplicate of key present in binaryData'));
  }
  for (const v of Object.values(cm.binaryData ?? {})) total += Math.floor((v.length * 3) / 4);
  return [...errs, ...tooBig(FieldPath.root(''), total)];
}

/** Keys each well-known secret type requires in data. */
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export function validateSecret(secret: Secret): FieldError[] {
  const data = FieldPath.root('data');
  const errs = [...validateKeys(secret.data, data), ...validateKeys(secret.stringData, FieldPath.root('stringData'))];
  errs.push(...validateBase64(secret.data, data));
  const keys = new Set([...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})]);
  for (const k of REQUIRED_KEYS[secret.type ?? ''] ?? []) if (!keys.has(k)) errs.push(fieldError.required(data.key(k)));
  if (secret.type === 'kubernetes.io/basic-auth' && !keys.has('username') && !keys.has('password')) {
    errs.push(fieldError.required(data.key('username')), fieldError.required(data.key('password')));
  }
  const total = Object.values(secret.data ?? {}).reduce((n, v) => n + Math.floor((v.length * 3) / 4), 0);
  return [...errs, ...tooBig(data, total)];
}

const IMMUTABLE_DETAIL = 'field is immutable when `immutable` is set';

/** Once `immutable: true`, neither the flag nor the data may change (ConfigMap and Secret alike). */
export function validateImmutableData(obj: ConfigMap | Secret, old: ConfigMap | Secret, dataKeys: readonly string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(fieldError.forbidden(FieldPath.root('immutable'), IMMUTABLE_DETAIL));
  for (const k of dataKeys) {
    if (!deepEqual(obj[k] ?? {}, old[k] ?? {})) errs.push(fieldError.forbidden(FieldPath.root(k), IMMUTABLE_DETAIL));
  }
  return errs;
}

export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateImmutableData(secret, old, ['data']);
  if ((secret.type ?? 'Opaque') !== (old.type ?? 'Opaque')) errs.push(fieldError.invalid(FieldPath.root('type'), secret.type ?? '', 'field is immutable'));
  return errs;
}
