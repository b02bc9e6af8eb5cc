import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { parseContainerEvent, watchContainerEvents } from './events.js';

describe('parseContainerEvent', () => {
  it('extracts action, container, pod uid and exit code', () => {
    const raw = { Type: 'container', Action: 'die', time: 1700000000, Actor: { ID: 'abc', Attributes: { 'tugboat.io/pod-uid': 'u1', exitCode: '137' } } };
    expect(parseContainerEvent(raw)).toEqual({ action: 'die', containerId: 'abc', podUid: 'u1', exitCode: 137, time: 1700000000 });
  });
  it('strips the command from exec actions', () => {
    const raw = { Type: 'container', Action: 'exec_start: sh -c true', Actor: { ID: 'abc', Attributes: { 'tugboat.io/pod-uid': 'u1' } } };
    expect(parseContainerEvent(raw)?.action).toBe('exec_start');
  });
  it('ignores other event types and unlabelled containers', () => {
    expect(parseContainerEvent({ Type: 'network', Action: 'connect' })).toBeUndefined();
    expect(parseContainerEvent({ Type: 'container', Action: 'start', Actor: { ID: 'x', Attributes: {} } })).toBeUndefined();
  });
});

describe('watchContainerEvents', () => {
  it('parses split chunks and reconnects after the stream ends, resuming from the last event', async () => {
    const streams: PassThrough[] = [];
    const calls: { since: number }[] = [];
    const docker = {
      events: async (opts: { since: number }) => {
        calls.push(opts);
        const s = new PassThrough();
        streams.push(s);
        return s;
      },
    };
    const seen: string[] = [];
    let connects = 0;
    const { watch, connected } = watchContainerEvents({
      docker: docker as never, nodeName: 'n1', logger: pino({ level: 'silent' }), retryMs: 10,
      onEvent: (e) => seen.push(`${e.action}:${e.podUid}`),
      onConnected: () => connects++,
    });
    await connected;
    const line = JSON.stringify({ Type: 'container', Action: 'die', time: 4102444800, Actor: { ID: 'c1', Attributes: { 'tugboat.io/pod-uid': 'u1', exitCode: '1' } } }) + '\n';
    streams[0]!.write(line.slice(0, 20));
    streams[0]!.write(line.slice(20));
    streams[0]!.end();
    const deadline = Date.now() + 2000;
    while (streams.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['die:u1']);
    expect(connects).toBe(2);
    expect(calls[1]?.since).toBe(4102444800);
    watch.close();
    expect(streams[1]!.destroyed).toBe(true);
  });
});
