import { describe, expect, it } from 'vitest';
import { startComponents } from './components.js';
import type { Component } from './components.js';

function fake(name: string, trace: string[], opts: { failReady?: boolean } = {}): Component {
  return {
    name,
    start: () => {
      trace.push(`start ${name}`);
      return {
        ready: opts.failReady ? Promise.reject(new Error(`${name} broke`)) : Promise.resolve(),
        close: () => {
          trace.push(`close ${name}`);
          return Promise.resolve();
        },
      };
    },
  };
}

describe('startComponents', () => {
  it('starts in order after each is ready and closes in reverse, once', async () => {
    const trace: string[] = [];
    const logs: string[] = [];
    const running = await startComponents([fake('apiserver', trace), fake('scheduler', trace)], (l) => logs.push(l));
    expect(trace).toEqual(['start apiserver', 'start scheduler']);
    await Promise.all([running.close(), running.close()]);
    expect(trace).toEqual(['start apiserver', 'start scheduler', 'close scheduler', 'close apiserver']);
    expect(logs).toContain('apiserver ready');
  });

  it('stops what started when a later component fails, and does not start the rest', async () => {
    const trace: string[] = [];
    await expect(startComponents([fake('a', trace), fake('b', trace, { failReady: true }), fake('c', trace)], () => undefined)).rejects.toThrow('b broke');
    expect(trace).toEqual(['start a', 'start b', 'close b', 'close a']);
  });

  it('settles done when a component stops on its own', async () => {
    let stop!: () => void;
    const c: Component = { name: 'x', start: () => ({ ready: Promise.resolve(), done: new Promise<void>((r) => (stop = r)), close: () => Promise.resolve() }) };
    const running = await startComponents([c], () => undefined);
    stop();
    await expect(running.done).resolves.toBeUndefined();
  });
});
