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
