/** The resources the scheduler reads and writes. */
import { resourceFor } from '@tugboat/api';
import type { ResourceInfo } from '@tugboat/api';

function must(group: string, resource: string): ResourceInfo {
  const info = resourceFor(group, 'v1', resource);
  if (!info) throw new Error(`resource ${resource} is not registered`);
  return info;
}

export const PODS = must('', 'pods');
export const NODES = must('', 'nodes');
export const EVENTS = must('', 'events');

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
