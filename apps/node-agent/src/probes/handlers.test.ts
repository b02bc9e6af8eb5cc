import { describe, expect, it } from 'vitest';
import { resolvePort } from './handlers.js';

describe('resolvePort', () => {
  const container = { name: 'c', ports: [{ name: 'http', containerPort: 8080 }] };
  it('accepts numbers, numeric strings and named container ports', () => {
    expect(resolvePort(80, container)).toBe(80);
    expect(resolvePort('81', container)).toBe(81);
    expect(resolvePort('http', container)).toBe(8080);
    expect(resolvePort('grpc', container)).toBeUndefined();
  });
});
