import type { NodeCondition } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { NODE_STATUS_REPORT_SECONDS, conditionsDue } from './heartbeat.js';

const now = Date.parse('2026-11-22T10:00:00Z');
const ready = (at: string, extra: Partial<NodeCondition> = {}): NodeCondition => ({ type: 'Ready', status: 'True', reason: 'AgentReady', message: 'ok', lastHeartbeatTime: at, ...extra });
const reported = [{ type: 'Ready', status: 'True', reason: 'AgentReady', message: 'ok' } as NodeCondition];

describe('conditionsDue (when a heartbeat writes the Node)', () => {
  it('not while the stored conditions say the same and are fresh', () => {
    expect(conditionsDue([ready('2026-11-22T09:59:50Z')], reported, now)).toBe(false);
  });

  it('when a condition changed status, reason or message', () => {
    expect(conditionsDue([ready('2026-11-22T09:59:50Z', { status: 'False' })], reported, now)).toBe(true);
    expect(conditionsDue([ready('2026-11-22T09:59:50Z', { message: 'disk pressure' })], reported, now)).toBe(true);
  });

  it('when a reported condition is not stored yet', () => {
    expect(conditionsDue([], reported, now)).toBe(true);
  });

  it(`every ${NODE_STATUS_REPORT_SECONDS} s, or when the last heartbeat time is unreadable`, () => {
    expect(conditionsDue([ready('2026-11-22T09:54:59Z')], reported, now)).toBe(true);
    expect(conditionsDue([ready('')], reported, now)).toBe(true);
  });
});
