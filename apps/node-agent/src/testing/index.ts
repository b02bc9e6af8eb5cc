/** Test helpers of @tugboat/node-agent (import from '@tugboat/node-agent/testing'). */
export { PAUSE_IMAGE, TEST_IMAGE, cleanupNode, createTestNetwork, ensureDocker, freeClusterCidr, testNodeName, waitFor } from './docker.js';
export { startTestRuntime, testPod } from './harness.js';
export type { TestRuntime, TestRuntimeOptions } from './harness.js';
