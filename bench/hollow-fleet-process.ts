/**
 * The parent's handle on the hollow-agent fleet (hollow-fleet.ts, a forked child): start it, learn
 * which pods reached their node and when, hold back or release pod status reports, stop it.
 * The fleet is a SIMULATION: its agents speak the real NodeService but run nothing.
 * close() stops the child (SIGKILL after 15 s); the child also exits by itself if we die.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface FleetConfig {
  /** NodeService host:port */
  server: string;
  caPem: string;
  /** bootstrap token for Join */
  token: string;
  nodes: number;
  heartbeatMs: number;
  /** hold pod status reports until flushStatuses() */
  deferStatus: boolean;
  /** agents joining and registering at once */
  startConcurrency: number;
}

export type ToFleet = { type: 'start'; config: FleetConfig } | { type: 'flush' } | { type: 'close' };

export type FromFleet =
  | { type: 'ready'; nodes: number; ms: number }
  | { type: 'progress'; seen: [name: string, atEpochMs: number][]; statusOk: number; statusFailed: number; statusPending: number }
  | { type: 'failed'; error: string };

export interface HollowFleet {
  readonly pid: number;
  /** how long joining and registering every node took, ms */
  readonly startMs: number;
  /** pod name → when its node's agent first saw it (epoch ms) */
  readonly seenAt: ReadonlyMap<string, number>;
  statuses(): { ok: number; failed: number; pending: number };
  /** resolves once `n` pods were seen, or rejects after `timeoutMs` */
  untilSeen(n: number, timeoutMs: number): Promise<void>;
  /** resolves once `n` statuses were written and none is pending, or rejects after `timeoutMs` */
  untilStatuses(n: number, timeoutMs: number): Promise<void>;
  flushStatuses(): void;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./hollow-fleet.ts', import.meta.url));

export async function startHollowFleet(config: FleetConfig, startTimeoutMs = 300_000): Promise<HollowFleet> {
  // process.execArgv carries tsx's loader and --conditions=@tugboat/source into the child
  const child = fork(CHILD, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const seenAt = new Map<string, number>();
  const counts = { ok: 0, failed: 0, pending: 0 };
  let waiters: { done: () => boolean; resolve: () => void; timer: NodeJS.Timeout }[] = [];
  const check = (): void => void (waiters = waiters.filter((w) => (w.done() ? (w.resolve(), false) : true)));
  const until = (done: () => boolean, timeoutMs: number, what: () => string): Promise<void> =>
    done()
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(what())), timeoutMs);
          waiters.push({ done, resolve: () => (clearTimeout(timer), resolve()), timer });
        });

  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hollow fleet not ready after ${startTimeoutMs} ms`)), startTimeoutMs);
    child.once('exit', (code) => reject(new Error(`hollow fleet exited (code ${code})`)));
    child.on('message', (m: FromFleet) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.ms);
      } else if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`hollow fleet failed: ${m.error}`));
      } else {
        for (const [name, at] of m.seen) if (!seenAt.has(name)) seenAt.set(name, at);
        Object.assign(counts, { ok: m.statusOk, failed: m.statusFailed, pending: m.statusPending });
        check();
      }
    });
  });
  const close = async (): Promise<void> => {
    for (const w of waiters.splice(0)) clearTimeout(w.timer);
    if (child.connected) child.send({ type: 'close' } satisfies ToFleet);
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  child.send({ type: 'start', config } satisfies ToFleet);
  let startMs: number;
  try {
    startMs = await ready;
  } catch (err) {
    await close();
    throw err;
  }
  return {
    pid: child.pid!,
    startMs,
    seenAt,
    statuses: () => ({ ...counts }),
    untilSeen: (n, timeoutMs) => until(() => seenAt.size >= n, timeoutMs, () => `only ${seenAt.size}/${n} pods reached their hollow node after ${timeoutMs} ms`),
    untilStatuses: (n, timeoutMs) =>
      until(() => counts.ok + counts.failed >= n && counts.pending === 0, timeoutMs, () => `only ${counts.ok}/${n} pod statuses written (${counts.pending} pending) after ${timeoutMs} ms`),
    flushStatuses: () => void child.send({ type: 'flush' } satisfies ToFleet),
    close,
  };
}
