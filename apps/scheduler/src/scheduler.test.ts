import { HttpRestClient } from '@tugboat/client';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startScheduler } from './scheduler.js';

describe('startScheduler lifecycle', () => {
  it('closes promptly even when the apiserver was never reachable', async () => {
    // Port 1 on loopback refuses connections: the informers keep backing off and never sync.
    const client = new HttpRestClient({ server: 'http://127.0.0.1:1' });
    const scheduler = startScheduler({ client, logger: pino({ level: 'silent' }) });
    const ready = scheduler.ready.then(() => 'ready', () => 'rejected');
    await scheduler.close();
    expect(await ready).toBe('rejected');
    expect(scheduler.isLeader()).toBe(false);
    client.close();
  });
});
