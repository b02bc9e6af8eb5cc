import { describe, expect, it } from 'vitest';
import { engineMessage, pullPolicyOf } from './images.js';

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

describe('engineMessage', () => {
  it('strips the dockerode wrapper', () => {
    expect(engineMessage(new Error('(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": no such host '))).toBe('Get "https://registry-1.docker.io/v2/": no such host');
    expect(engineMessage({ json: { message: 'pull access denied' } })).toBe('pull access denied');
  });
});
