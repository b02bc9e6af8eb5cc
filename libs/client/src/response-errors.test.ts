import { describe, expect, it } from 'vitest';
import { errorFromResponse, errorFromWatchObject } from './response-errors.js';

describe('errorFromResponse', () => {
  it('keeps the Status reason and message', () => {
    const body = Buffer.from(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', message: 'pods "x" not found', code: 404 }));
    const err = errorFromResponse(404, body);
    expect(err.code).toBe('NotFound');
    expect(err.message).toBe('pods "x" not found');
  });

  it('falls back to the HTTP status for non-Status bodies', () => {
    expect(errorFromResponse(409, Buffer.from('conflict!')).code).toBe('AlreadyExists');
    expect(errorFromResponse(503, Buffer.from('')).code).toBe('ServiceUnavailable');
  });
});

describe('errorFromWatchObject', () => {
  it('maps a 410 Status to Expired even with a non-standard reason', () => {
    expect(errorFromWatchObject({ kind: 'Status', status: 'Failure', reason: 'Gone', code: 410, message: 'too old' }).code).toBe('Expired');
    expect(errorFromWatchObject({ kind: 'Status', reason: 'Expired', code: 410 }).code).toBe('Expired');
  });
});
