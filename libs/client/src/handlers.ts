/**
 * Informer event handlers. Handlers should only enqueue keys (see controller.ts); a handler that
 * throws is logged and must not break the informer or starve the other handlers.
 */
import type { KubeObject } from '@tugboat/api';
import type { Logger } from './logger.js';

export const ADD = 'add';
export const UPDATE = 'update';
export const DELETE = 'delete';
export type InformerEventType = typeof ADD | typeof UPDATE | typeof DELETE;

export interface InformerHandlers<T extends KubeObject = KubeObject> {
  add?(obj: T): void;
  update?(obj: T, old: T): void;
  /** receives the last known state of the object */
  delete?(obj: T): void;
}

export class HandlerSet<T extends KubeObject> {
  private readonly handlers = new Set<InformerHandlers<T>>();

  constructor(private readonly logger: Logger) {}

  register(h: InformerHandlers<T>): () => void {
    this.handlers.add(h);
    return () => {
      this.handlers.delete(h);
    };
  }

  add(obj: T): void {
    for (const h of this.handlers) this.guard(ADD, () => h.add?.(obj));
  }

  update(obj: T, old: T): void {
    for (const h of this.handlers) this.guard(UPDATE, () => h.update?.(obj, old));
  }

  delete(obj: T): void {
    for (const h of this.handlers) this.guard(DELETE, () => h.delete?.(obj));
  }

  private guard(event: InformerEventType, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.logger.error({ err, event }, 'informer handler threw');
    }
  }
}
