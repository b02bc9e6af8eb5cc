import { describe, expect, it } from 'vitest';
import type { EngineClient } from './engine-client.js';
import type { ContainerInspect } from './engine-types.js';
import { identityLabels } from './labels.js';
import { InspectCache, observePod } from './observe.js';

function inspectOf(id: string, status: string, kind: 'sandbox' | 'app'): ContainerInspect {
  return {
    Id: id, Created: '2026-01-01T00:00:00Z', Image: 'sha256:x',
    State: { Status: status, Running: status === 'running', OOMKilled: false, ExitCode: 0, StartedAt: '2026-01-01T00:00:01Z', FinishedAt: '0001-01-01T00:00:00Z' },
    Config: { Image: 'img', Labels: identityLabels({ nodeName: 'n1', podUid: 'u1', namespace: 'default', podName: 'p', containerName: kind === 'app' ? 'app' : '', kind, restartCount: 0, specHash: '', gracePeriodSeconds: 30 }) },
    HostConfig: {},
    NetworkSettings: { Networks: { net: { IPAddress: kind === 'sandbox' ? '10.0.0.2' : '' } } },
  };
}

/** An engine with two containers whose states the test sets; counts the inspects. */
function fakeEngine(states: Map<string, string>) {
  const calls = { inspect: 0 };
  const engine = {
    listContainers: async () => [...states].map(([Id, State]) => ({ Id, State })),
    inspectContainer: async (id: string) => {
      calls.inspect++;
      return inspectOf(id, states.get(id)!, id === 'sb' ? 'sandbox' : 'app');
    },
  } as unknown as EngineClient;
  return { engine, calls };
}

describe('observePod with an InspectCache', () => {
  it('inspects a container again only when its state changed, was forgotten, or never settled', async () => {
    const states = new Map([['sb', 'running'], ['c1', 'created']]);
    const { engine, calls } = fakeEngine(states);
    const ctx = { docker: engine, nodeName: 'n1', network: 'net', cache: new InspectCache() };
    const first = await observePod(ctx, 'u1');
    expect(first.sandboxes[0]?.ip).toBe('10.0.0.2');
    expect(calls.inspect).toBe(2);
    await observePod(ctx, 'u1');
    expect(calls.inspect).toBe(3); // the created one again: a failed start would change its inspect
    states.set('c1', 'running');
    await observePod(ctx, 'u1');
    await observePod(ctx, 'u1');
    expect(calls.inspect).toBe(4);
    ctx.cache.forget('sb');
    await observePod(ctx, 'u1');
    expect(calls.inspect).toBe(5);
    states.delete('c1');
    const last = await observePod(ctx, 'u1');
    expect(last.containers).toEqual([]);
    expect(ctx.cache.size).toBe(1);
  });
});
