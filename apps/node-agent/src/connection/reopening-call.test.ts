import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reopening } from './reopening-call.js';

class FakeCall extends EventEmitter {
  cancelled = false;
  cancel(): void {
    this.cancelled = true;
  }
}

const log = pino({ level: 'silent' });
const policy = { initialMs: 100, maxMs: 1000 };

describe('reopening', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('reopens a lost call after a back-off that grows with each failure and starts over after a message', () => {
    const calls: FakeCall[] = [];
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // no jitter: delays are exactly initial * 2^attempt
    const r = reopening(() => {
      const c = new FakeCall();
      calls.push(c);
      return c;
    }, { log, what: 'test stream', reconnect: policy });
    expect(calls).toHaveLength(1);
    expect(r.current()).toBe(calls[0]);

    calls[0]!.emit('error', new Error('boom'));
    expect(r.current()).toBeUndefined();
    vi.advanceTimersByTime(99);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);

    calls[1]!.emit('end');
    calls[1]!.emit('error', new Error('after end')); // one loss, one reopen
    vi.advanceTimersByTime(199);
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(3);

    calls[2]!.emit('data', {});
    calls[2]!.emit('error', new Error('again'));
    vi.advanceTimersByTime(100);
    expect(calls).toHaveLength(4);
    r.close();
  });

  it('close() cancels the open call and any pending reopen', () => {
    const calls: FakeCall[] = [];
    const r = reopening(() => {
      const c = new FakeCall();
      calls.push(c);
      return c;
    }, { log, what: 'test stream', reconnect: policy });
    r.close();
    expect(calls[0]!.cancelled).toBe(true);
    calls[0]!.emit('error', new Error('cancelled'));
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);

    const r2 = reopening(() => {
      const c = new FakeCall();
      calls.push(c);
      return c;
    }, { log, what: 'test stream', reconnect: policy });
    calls[1]!.emit('error', new Error('lost'));
    r2.close();
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(2);
  });
});
