import { describe, expect, it } from 'vitest';
import { parseContainerEvent } from './events.js';

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
