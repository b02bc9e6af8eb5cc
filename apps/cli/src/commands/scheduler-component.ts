/** The scheduler as a component of `tug server` / `tug scheduler`: it owns its REST client and closes it. */
import type { HttpRestClient } from '@tugboat/client';
import type { SchedulerOptions } from '@tugboat/scheduler';
import type { ComponentHandle } from '../components.js';

export async function schedulerComponent(client: HttpRestClient, opts: Omit<SchedulerOptions, 'client'> = {}): Promise<ComponentHandle> {
  // loaded on demand, as the apiserver is: a verb pays only for the modules it uses
  const { startScheduler } = await import('@tugboat/scheduler');
  const scheduler = startScheduler({ ...opts, client });
  return {
    ready: scheduler.ready,
    async close() {
      await scheduler.close();
      client.close();
    },
  };
}
