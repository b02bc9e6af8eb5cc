import { describe, expect, it } from 'vitest';
import { EngineError } from './engine-http.js';
import { engineMessage, pullPolicyOf, splitImageRef } from './images.js';

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

describe('splitImageRef', () => {
  it('separates the tag or digest; no tag means latest', () => {
    expect(splitImageRef('busybox')).toEqual({ repository: 'busybox', tag: 'latest' });
    expect(splitImageRef('tugboat/busybox:1')).toEqual({ repository: 'tugboat/busybox', tag: '1' });
    expect(splitImageRef('localhost:5000/busybox')).toEqual({ repository: 'localhost:5000/busybox', tag: 'latest' });
    expect(splitImageRef('localhost:5000/busybox:1.36')).toEqual({ repository: 'localhost:5000/busybox', tag: '1.36' });
    expect(splitImageRef('busybox@sha256:abc')).toEqual({ repository: 'busybox', tag: 'sha256:abc' });
  });
});

describe('engineMessage', () => {
  it('is the engine error as the engine said it', () => {
    expect(engineMessage(new EngineError(404, 'pull access denied for nope, repository does not exist '))).toBe('pull access denied for nope, repository does not exist');
    expect(engineMessage('plain')).toBe('plain');
  });
});
