/** What every resource handler receives: the parsed request, the resource's storage, and the wire. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceInfo } from '@tugboat/api';
import type { Logger } from 'pino';
import type { ResourceRequest } from '../http/request-info.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { Storage } from '../storage/storage.js';

export interface HandlerContext {
  req: IncomingMessage;
  res: ServerResponse;
  request: ResourceRequest;
  info: ResourceInfo;
  store: ObjectStore;
  storage: Storage;
  log: Logger;
  /** aborted when the client goes away or the server closes */
  signal: AbortSignal;
}

export function isDryRun(q: URLSearchParams): boolean {
  return q.getAll('dryRun').includes('All');
}
