import { describe, expect, it } from 'vitest';
import { pullPolicyOf } from './images.js';

describe('pullPolicyOf', () => {
  it('defaults to Always for latest or no tag, IfNotPresent otherwise', () => {
    expect(pullPolicyOf({ image: 'busybox' })).toBe('Always');
    expect(pullPolicyOf({ image: 'busybox:latest' })).toBe('Always');
    expect(pullPolicyOf({ image: 'localhost:5000/busybox' })).toBe('Always');
    expect(pullPolicyOf({ image: 'localhost:5000/busybox:1.36' })).toBe('IfNotPresent');
    expect(pullPolicyOf({ image: 'busybox@sha256:abc' })).toBe('IfNotPresent');
    expect(pullPolicyOf({ image: 'busybox', imagePullPolicy: 'Never' })).toBe('Never');
  });
});
