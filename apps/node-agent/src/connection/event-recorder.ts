/** Batches Events to the control plane once a second; best effort (a bounded queue, drops when full). */
import type { Event } from '@tugboat/api';
import type { NodeServiceClient } from '@tugboat/rpc';
import { unary } from '@tugboat/rpc';
import type { Logger } from 'pino';

const FLUSH_MS = 1000;
const MAX_QUEUE = 1000;
const BATCH = 100;

export class EventRecorder {
  private queue: Event[] = [];
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: NodeServiceClient,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  record(ev: Event): void {
    if (this.queue.length >= MAX_QUEUE) return;
    this.queue.push(ev);
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH);
        try {
          await unary(this.client.RecordEvents.bind(this.client), { events_json: batch.map((e) => Buffer.from(JSON.stringify(e))) });
        } catch (err) {
          this.log.warn({ err: (err as Error).message, events: batch.length }, 'events dropped');
          return;
        }
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
