/** Writing responses: JSON bodies and Status errors, with the status code derived from the error code. */
import type { ServerResponse } from 'node:http';
import type { ApiError } from '@tugboat/api';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, JSON.stringify(body));
}

/** Send an already-serialised JSON body (lists built from cached serialisations). */
export function sendRaw(res: ServerResponse, status: number, json: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

/** Bodies up to this size are joined and written at once; larger ones are written part by part. */
const MAX_JOINED_BODY = 64 * 1024 * 1024;

/** Send a JSON body made of pre-encoded parts (lists stitched from cached objects). */
export function sendParts(res: ServerResponse, status: number, parts: readonly Buffer[]): void {
  let length = 0;
  for (const p of parts) length += p.length;
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': length });
  if (parts.length === 1) {
    res.end(parts[0]);
    return;
  }
  if (length <= MAX_JOINED_BODY) {
    // one copy into one buffer beats a stream write per part (a list is two parts per item)
    res.end(Buffer.concat(parts, length));
    return;
  }
  res.cork();
  for (const p of parts) res.write(p);
  res.end();
  res.uncork();
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.httpStatus, err.toStatus());
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
