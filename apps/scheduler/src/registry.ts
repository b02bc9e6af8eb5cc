/**
 * The default profile, in one place: which filters run, in which order (cheap and decisive first;
 * a node stops at its first failing filter), and which scorers weigh in with what weight.
 */
import type { Profile } from './framework/plugin.js';
import { nodeAffinity } from './plugins/node-affinity.js';
import { nodeName } from './plugins/node-name.js';
import { nodePorts } from './plugins/node-ports.js';
import { nodeReady } from './plugins/node-ready.js';
import { nodeResourcesAllocated } from './plugins/node-resources-allocated.js';
import type { ScoringStrategy } from './plugins/node-resources-allocated.js';
import { nodeResourcesFit } from './plugins/node-resources-fit.js';
import { nodeUnschedulable } from './plugins/node-unschedulable.js';
import { ownerSpread } from './plugins/owner-spread.js';
import { taintToleration } from './plugins/taint-toleration.js';

export function defaultProfile(strategy: ScoringStrategy = 'LeastAllocated'): Profile {
  return {
    filters: [
      nodeReady, //          the node's Ready condition is True
      nodeUnschedulable, //  not cordoned, unless tolerated
      nodeName, //           spec.nodeName, when the pod names a node
      nodeAffinity, //       nodeSelector + required node affinity
      taintToleration, //    NoSchedule / NoExecute taints tolerated
      nodeResourcesFit, //   cpu, memory, pod count within allocatable
      nodePorts, //          hostPorts free
    ],
    scorers: [
      { plugin: taintToleration, weight: 3 }, //                 fewer intolerable PreferNoSchedule taints
      { plugin: nodeAffinity, weight: 2 }, //                    preferred node affinity weights
      { plugin: ownerSpread, weight: 2 }, //                     siblings of one controller apart
      { plugin: nodeResourcesAllocated(strategy), weight: 1 }, // least- or most-allocated
    ],
  };
}
