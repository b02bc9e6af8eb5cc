/**
 * The control plane in one process: components start in order, each after the previous one is
 * ready (the scheduler and controllers need the apiserver), and stop in reverse order.
 */
import type { Running } from './command.js';

export interface ComponentHandle {
  /** settles once the component serves */
  readonly ready: Promise<void>;
  /** settles if the component stops on its own */
  readonly done?: Promise<void>;
  close(): Promise<void>;
}

export interface Component {
  readonly name: string;
  start(): ComponentHandle | Promise<ComponentHandle>;
}

export type Log = (line: string) => void;

async function closeAll(started: readonly { name: string; handle: ComponentHandle }[], log: Log): Promise<void> {
  const errors: unknown[] = [];
  for (const { name, handle } of [...started].reverse()) {
    try {
      await handle.close();
      log(`${name} stopped`);
    } catch (err) {
      errors.push(err);
      log(`${name} failed to stop: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'some components failed to stop');
}

/** Start every component in turn; if one fails, stop those already started and rethrow. */
export async function startComponents(components: readonly Component[], log: Log): Promise<Running> {
  const started: { name: string; handle: ComponentHandle }[] = [];
  for (const c of components) {
    try {
      const handle = await c.start();
      started.push({ name: c.name, handle });
      await handle.ready;
      log(`${c.name} ready`);
    } catch (err) {
      log(`${c.name} failed to start: ${err instanceof Error ? err.message : String(err)}`);
      await closeAll(started, log).catch(() => undefined);
      throw err;
    }
  }
  let closing: Promise<void> | undefined;
  const stopped = started.flatMap(({ name, handle }) =>
    handle.done ? [handle.done.then(() => log(`${name} stopped unexpectedly`))] : [],
  );
  return {
    done: stopped.length > 0 ? Promise.race(stopped) : new Promise<void>(() => undefined),
    close: () => (closing ??= closeAll(started, log)),
  };
}
