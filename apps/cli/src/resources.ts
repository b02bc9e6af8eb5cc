/**
 * What the user typed after a verb (`deploy,svc`, `deploy web api`, `deploy/web svc/api`, `all`)
 * resolved against the kinds registry.
 */
import { RESOURCES, resolveResourceName } from '@tugboat/api';
import type { ResourceInfo } from '@tugboat/api';
import { UsageError } from './args.js';

export interface ResourceTarget {
  readonly info: ResourceInfo;
  /** empty: every object of the type (subject to selectors) */
  readonly names: string[];
}

export function resolveType(name: string): ResourceInfo[] {
  if (name.toLowerCase() === 'all') return RESOURCES.filter((r) => r.categories.includes('all'));
  const info = resolveResourceName(name);
  if (!info) throw new UsageError(`the server doesn't have a resource type "${name}"`);
  return [info];
}

function addTarget(targets: ResourceTarget[], info: ResourceInfo, name?: string): void {
  let target = targets.find((t) => t.info === info);
  if (!target) {
    target = { info, names: [] };
    targets.push(target);
  }
  if (name !== undefined && !target.names.includes(name)) target.names.push(name);
}

/** Resolve `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...`. */
export function parseResourceArgs(args: readonly string[]): ResourceTarget[] {
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('you must specify the type of resource');
  const targets: ResourceTarget[] = [];
  if (first.includes('/')) {
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0) {
        throw new UsageError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'tug get resource/<resource_name>' instead of 'tug get resource resource/<resource_name>'`,
        );
      }
      const type = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      if (!type || !name) throw new UsageError(`arguments in resource/name form must have a single resource and name: "${arg}"`);
      for (const info of resolveType(type)) addTarget(targets, info, name);
    }
    return targets;
  }
  const types = first.split(',').filter((t) => t.length > 0);
  if (types.length === 0) throw new UsageError('you must specify the type of resource');
  for (const type of types) {
    for (const info of resolveType(type)) {
      addTarget(targets, info);
      for (const name of rest) addTarget(targets, info, name);
    }
  }
  return targets;
}

/** True when the output should name each object's kind (several types asked for, or `all`). */
export function isMultiType(args: readonly string[], targets: readonly ResourceTarget[]): boolean {
  const first = args[0] ?? '';
  return targets.length > 1 || first.split(',').some((t) => t.toLowerCase() === 'all');
}
