/** Test helpers: a real etcd + apiserver, and the real kubectl pointed at it. */
export { startTestControlPlane } from './control-plane.js';
export type { TestControlPlane, TestControlPlaneOptions } from './control-plane.js';
export { kubectlFor, runCommand } from './kubectl.js';
export type { CommandResult, KubectlRunner } from './kubectl.js';
