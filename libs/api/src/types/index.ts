/** Barrel for the typed kinds: `export type * from './types/index.js'` in the package index. */
export type * from './common.js';
export type * from './container.js';
export type * from './volume.js';
export type * from './affinity.js';
export type * from './pod.js';
export type * from './pvc.js';
export type * from './service.js';
export type * from './core.js';
export type * from './apps.js';
export type * from './batch.js';
export type * from './autoscaling.js';
export type * from './networking.js';
export type * from './coordination.js';
