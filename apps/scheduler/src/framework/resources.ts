/** The resource amounts the scheduler accounts: cpu in millicores, memory in bytes. */
import { milliValue, quantityValue } from '@tugboat/api';
import type { ResourceList } from '@tugboat/api';

export interface Resources {
  milliCpu: number;
  memory: number;
}

export const ZERO: Readonly<Resources> = Object.freeze({ milliCpu: 0, memory: 0 });

export function resourcesOf(list: ResourceList | undefined): Resources {
  return {
    milliCpu: list?.cpu !== undefined ? milliValue(list.cpu) : 0,
    memory: list?.memory !== undefined ? quantityValue(list.memory) : 0,
  };
}

export function add(a: Resources, b: Resources): Resources {
  return { milliCpu: a.milliCpu + b.milliCpu, memory: a.memory + b.memory };
}

export function max(a: Resources, b: Resources): Resources {
  return { milliCpu: Math.max(a.milliCpu, b.milliCpu), memory: Math.max(a.memory, b.memory) };
}
