/**
 * The frame of the control-plane benchmarks: start the control plane in its own process, run, stop
 * it on Ctrl-C or after 15 minutes, then print the result table (and fail the process on an error).
 */
import type { BenchControlPlane } from './control-plane.js';
import { startControlPlane } from './control-plane.js';
import type { Row } from './report.js';
import { log, renderTable } from './report.js';

const MAX_RUN_MS = 15 * 60_000;

export async function runWithControlPlane(title: () => string, run: (cp: BenchControlPlane, rows: Row[]) => Promise<void>): Promise<void> {
  const rows: Row[] = [];
  const started = new Date();
  let failed: unknown;
  const cp = await startControlPlane({ cpuProfDir: process.env.BENCH_CPU_PROF });
  const stop = (why: string) => {
    log(`stopping: ${why}`);
    void cp.close().finally(() => process.exit(2));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  setTimeout(() => stop('the whole run took more than 15 minutes'), MAX_RUN_MS).unref();
  try {
    await run(cp, rows);
  } catch (err) {
    failed = err;
  } finally {
    await cp.close();
  }
  process.stdout.write(`\n${title()}, ${started.toISOString()}, node ${process.version}\n\n`);
  process.stdout.write(`${renderTable(rows)}\n`);
  if (failed) {
    process.stderr.write(`\nbenchmark failed: ${failed instanceof Error ? (failed.stack ?? failed.message) : String(failed)}\n`);
    process.exitCode = 1;
  }
}
