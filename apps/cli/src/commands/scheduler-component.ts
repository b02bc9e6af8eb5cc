/** The scheduler as a component of `tug server` / `tug scheduler`: it owns its REST client and closes it. */
import type { HttpRestClient } from '@tugboat/client';
import { startScheduler } from '@tugboat/scheduler';
import type { SchedulerOptions } from '@tugboat/scheduler';
import type { ComponentHandle } from '../components.js';

export function schedulerComponent(client: HttpRestClient, opts: Omit<SchedulerOptions, 'client'> = {}): ComponentHandle {
  const scheduler = startScheduler({ ...opts, client });
  return {
    ready: scheduler.ready,
    async close() {
      await scheduler.close();
      client.close();
    },
  };
}
