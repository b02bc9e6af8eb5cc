/**
 * The client half of the watch protocol: one long GET whose body is newline-delimited
 * `{type, object}` events. ERROR events end the stream with an ApiError (410 → 'Expired', which
 * informers answer with a relist); aborting the signal or breaking out of the loop ends it quietly.
 */
import type { KubeObject, WatchEvent } from '@tugboat/api';
import { parseNdjson } from './ndjson.js';
import { errorFromResponse, errorFromWatchObject } from './response-errors.js';
import { readBody } from './transport.js';
import type { Transport, TransportResponse } from './transport.js';

const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

export interface WatchRequest {
  transport: Transport;
  path: string;
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
}

export async function* watchStream<T extends KubeObject>(req: WatchRequest): AsyncGenerator<WatchEvent<T>> {
  // Our own controller, so a consumer that stops iterating tears the socket down too.
  const ctrl = new AbortController();
  const onAbort = (): void => ctrl.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (req.signal?.aborted) ctrl.abort();
  let res: TransportResponse | undefined;
  try {
    res = await req.transport.send({ method: 'GET', path: req.path, headers: req.headers, signal: ctrl.signal });
    const status = res.statusCode;
    if (status < 200 || status >= 300) throw errorFromResponse(status, await readBody(res));
    for await (const raw of parseNdjson(res.body)) {
      const event = toEvent<T>(raw);
      if (event.type === 'ERROR') throw errorFromWatchObject(event.object);
      yield event;
    }
  } catch (err) {
    if (ctrl.signal.aborted) return;
    throw err;
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
    ctrl.abort();
    res?.destroy();
  }
}

function toEvent<T>(raw: unknown): WatchEvent<T> {
  const ev = raw as { type?: unknown; object?: unknown } | null;
  if (!ev || typeof ev.type !== 'string' || !EVENT_TYPES.has(ev.type) || typeof ev.object !== 'object') {
    throw new Error(`watch stream: not a watch event: ${JSON.stringify(raw).slice(0, 200)}`);
  }
  return ev as WatchEvent<T>;
}
