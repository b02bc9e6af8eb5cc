import { ApiError, errors } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args.js';
import { errorFromBody, forEachReportingErrors, formatError, withSource } from './errors.js';

describe('formatError', () => {
  it('prints server errors with their reason', () => {
    expect(formatError(errors.notFound('deployments', 'apps', 'x'))).toBe('Error from server (NotFound): deployments.apps "x" not found');
  });

  it('prints local errors as error: …', () => {
    expect(formatError(new UsageError('unknown flag: --x'))).toBe('error: unknown flag: --x');
  });

  it('explains a refused connection', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    expect(formatError(err, 'https://127.0.0.1:6443')).toBe('The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?');
  });
});

describe('withSource', () => {
  it('keeps the reason and prefixes the message with the file', () => {
    const err = withSource(new ApiError('Invalid', 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1'), 'creating', 'web.yaml');
    expect(formatError(err)).toBe('Error from server (Invalid): error when creating "web.yaml": Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1');
  });
});

describe('errorFromBody', () => {
  it('reads a Status body, or falls back to the HTTP code', () => {
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'nope', reason: 'Forbidden', code: 403 };
    expect(errorFromBody(403, Buffer.from(JSON.stringify(status)))).toMatchObject({ code: 'Forbidden', message: 'nope' });
    expect(errorFromBody(404, Buffer.from('404 page not found'))).toMatchObject({ code: 'NotFound', message: '404 page not found' });
  });
});

describe('forEachReportingErrors', () => {
  it('keeps going after a failure, prints each error, and returns exit code 1', async () => {
    let printed = '';
    const done: number[] = [];
    const code = await forEachReportingErrors([1, 2, 3], { stderr: { write: (s: string) => (printed += s) } }, async (n) => {
      if (n === 2) throw new ApiError('NotFound', 'configmaps "two" not found');
      done.push(n);
    });
    expect(code).toBe(1);
    expect(done).toEqual([1, 3]);
    expect(printed).toBe('Error from server (NotFound): configmaps "two" not found\n');
  });
  it('returns 0 when everything succeeds', async () => {
    expect(await forEachReportingErrors(['a'], { stderr: { write: () => true } }, async () => undefined)).toBe(0);
  });
});
