/** Volume validation: one source per volume, each source's required fields and modes. */
import { volumeSourceKeys } from '../defaults/volume.js';
import type { KeyToPath, Volume } from '../types/volume.js';
import { duplicates, nameErrors, oneOf } from './checks.js';
import { fieldError, type FieldError, type FieldPath } from './field.js';
import { isDNS1123Label } from './names.js';

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'] as const;
const MAX_MODE = 0o777;

function validateMode(path: FieldPath, mode: number | undefined): FieldError[] {
  return mode !== undefined && (mode < 0 || mode > MAX_MODE)
    ? [fieldError.invalid(path, mode, 'must be a number between 0 and 0777 (octal), both inclusive')]
    : [];
}

function validateRelativePath(path: FieldPath, p: string | undefined): FieldError[] {
  if (!p) return [fieldError.required(path)];
  if (p.startsWith('/')) return [fieldError.invalid(path, p, 'must be a relative path')];
  if (p.split('/').includes('..')) return [fieldError.invalid(path, p, "must not contain '..'")];
  return [];
}

function validateItems(items: KeyToPath[] | undefined, path: FieldPath): FieldError[] {
  return (items ?? []).flatMap((it, i) => [
    ...(it.key ? [] : [fieldError.required(path.index(i).child('key'))]),
    ...validateRelativePath(path.index(i).child('path'), it.path),
    ...validateMode(path.index(i).child('mode'), it.mode),
  ]);
}

function validateSource(v: Volume, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (v.hostPath) {
    if (!v.hostPath.path) errs.push(fieldError.required(path.child('hostPath').child('path')));
    errs.push(...oneOf(path.child('hostPath').child('type'), v.hostPath.type, HOST_PATH_TYPES));
  }
  if (v.emptyDir) errs.push(...oneOf(path.child('emptyDir').child('medium'), v.emptyDir.medium, ['', 'Memory', 'HugePages']));
  if (v.configMap) {
    const p = path.child('configMap');
    if (!v.configMap.name) errs.push(fieldError.required(p.child('name')));
    errs.push(...validateMode(p.child('defaultMode'), v.configMap.defaultMode), ...validateItems(v.configMap.items, p.child('items')));
  }
  if (v.secret) {
    const p = path.child('secret');
    if (!v.secret.secretName) errs.push(fieldError.required(p.child('secretName')));
    errs.push(...validateMode(p.child('defaultMode'), v.secret.defaultMode), ...validateItems(v.secret.items, p.child('items')));
  }
  if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) {
    errs.push(fieldError.required(path.child('persistentVolumeClaim').child('claimName')));
  }
  if (v.downwardAPI) {
    const p = path.child('downwardAPI');
    errs.push(...validateMode(p.child('defaultMode'), v.downwardAPI.defaultMode));
    (v.downwardAPI.items ?? []).forEach((it, i) => errs.push(...validateRelativePath(p.child('items').index(i).child('path'), it.path)));
  }
  if (v.projected) errs.push(...validateMode(path.child('projected').child('defaultMode'), v.projected.defaultMode));
  return errs;
}

export function validateVolumes(volumes: Volume[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((v, i) => {
    const p = path.index(i);
    if (!v.name) errs.push(fieldError.required(p.child('name')));
    else errs.push(...nameErrors(p.child('name'), v.name, isDNS1123Label));
    const sources = volumeSourceKeys(v);
    if (sources.length === 0) errs.push(fieldError.required(p, 'must specify a volume type'));
    for (const extra of sources.slice(1)) errs.push(fieldError.forbidden(p.child(extra), 'may not specify more than 1 volume type'));
    errs.push(...validateSource(v, p));
  });
  errs.push(...duplicates((volumes ?? []).map((v) => v.name), (i) => path.index(i).child('name')));
  return errs;
}
