import type { Pod } from '@tugboat/api';
import { toServiceError } from '@tugboat/rpc';
import type { NodeServiceClient } from '@tugboat/rpc';
import { ApiError } from '@tugboat/api';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { StatusReporter } from './status-reporter.js';

type Callback = (err: unknown, res?: unknown) => void;

/** A NodeService client whose UpdatePodStatus calls wait until the test answers them. */
function fakeClient() {
  const calls: { uid: string; answer: Callback }[] = [];
  const client = {
    UpdatePodStatus: (req: { uid: string }, _md: unknown, _opts: unknown, answer: Callback) => void calls.push({ uid: req.uid, answer }),
  } as unknown as NodeServiceClient;
  return { client, calls };
}

const pod = (uid: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: uid, namespace: 'ns', uid } });
const tick = () => new Promise((r) => setImmediate(r));

describe('StatusReporter', () => {
  it('counts what is pending and tells when each write settles', async () => {
    const { client, calls } = fakeClient();
    const settled: [string, boolean][] = [];
    const reporter = new StatusReporter(client, pino({ level: 'silent' }), { maxInFlight: 2, onSettled: (uid, written) => settled.push([uid, written]) });
    reporter.report(pod('a'), { phase: 'Running' });
    reporter.report(pod('b'), { phase: 'Running' });
    reporter.report(pod('a'), { phase: 'Succeeded' }); // a newer status while the first is in flight
    expect(reporter.pending()).toBe(2);
    expect(calls.map((c) => c.uid)).toEqual(['a', 'b']);

    calls[0]!.answer(null, { resource_version: '5' });
    await tick();
    expect(settled).toEqual([['a', true]]);
    expect(calls.map((c) => c.uid)).toEqual(['a', 'b', 'a']); // the newer status goes next

    calls[1]!.answer(toServiceError(new ApiError('NotFound', 'pods "b" not found')));
    calls[2]!.answer(null, { resource_version: '6' });
    await tick();
    expect(settled).toEqual([['a', true], ['b', false], ['a', true]]);
    expect(reporter.pending()).toBe(0);
    reporter.close();
  });

  it('writes one status at a time by default, oldest waiting pod first', async () => {
    const { client, calls } = fakeClient();
    const reporter = new StatusReporter(client, pino({ level: 'silent' }));
    for (const uid of ['a', 'b', 'c']) reporter.report(pod(uid), { phase: 'Running' });
    expect(calls.map((c) => c.uid)).toEqual(['a']);
    expect(reporter.pending()).toBe(3);
    calls[0]!.answer(null, { resource_version: '1' });
    await tick();
    expect(calls.map((c) => c.uid)).toEqual(['a', 'b']);
    calls[1]!.answer(null, { resource_version: '2' });
    await tick();
    calls[2]!.answer(null, { resource_version: '3' });
    await tick();
    expect(calls.map((c) => c.uid)).toEqual(['a', 'b', 'c']);
    expect(reporter.pending()).toBe(0);
    reporter.close();
  });
});
