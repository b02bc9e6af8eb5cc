/**
 * @tugboat/scheduler: binds pending pods to nodes (filter plugins, score plugins, bind), with
 * leader election so several replicas can run.
 *
 *   import { startScheduler } from '@tugboat/scheduler';
 *   const scheduler = startScheduler({ client, logger, scoringStrategy: 'LeastAllocated' });
 *   await scheduler.ready;
 *   // shutdown: await scheduler.close();
 */
export { startScheduler } from './scheduler.js';
export { DEFAULT_PARALLELISM } from './defaults.js';
export type { LeaderElectionConfig, Scheduler, SchedulerOptions } from './scheduler.js';
export type { ScoringStrategy } from './plugins/node-resources-allocated.js';
export { defaultProfile } from './registry.js';
export { fitErrorMessage } from './framework/fit-error.js';
export type { FilterPlugin, Profile, ScorePlugin } from './framework/plugin.js';
export type { Status } from './framework/status.js';

// The framework pieces, for tools that run cycles without an apiserver (bench/scheduler.ts).
export { SchedulerCache } from './cache/scheduler-cache.js';
export { podInfo } from './framework/pod-info.js';
export { schedulePod } from './framework/schedule-pod.js';
