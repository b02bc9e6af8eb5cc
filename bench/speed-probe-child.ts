/**
 * The speed probe's process (speed-probe.ts): the reference task every PERIOD_MS, its CPU time
 * recorded; 'samples' is answered with all of them; 'close' (or the parent going away) stops it.
 */
import { REFERENCE_DOC, referenceTask } from './speed-probe.js';
import type { ProbeSample } from './speed-probe.js';
import { epochMs } from './stats.js';

const PERIOD_MS = 250;

const samples: ProbeSample[] = [];
for (let i = 0; i < 100; i++) referenceTask(REFERENCE_DOC); // optimized before the first sample
const timer = setInterval(() => {
  const before = process.cpuUsage();
  referenceTask(REFERENCE_DOC);
  const used = process.cpuUsage(before);
  samples.push({ at: epochMs(), cpuUs: used.user + used.system });
}, PERIOD_MS);

const stop = () => {
  clearInterval(timer);
  if (process.connected) process.disconnect();
};
process.on('message', (m) => {
  if (m === 'samples') process.send?.({ samples });
  if (m === 'close') stop();
});
process.on('disconnect', stop);
process.send?.({ ready: true });
