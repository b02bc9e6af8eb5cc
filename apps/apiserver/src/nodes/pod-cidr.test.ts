import { describe, expect, it } from 'vitest';
import { nextPodCidr } from './pod-cidr.js';

describe('nextPodCidr', () => {
  it('hands out 10.244.1.0/24, then the lowest free /24', () => {
    expect(nextPodCidr('10.244.0.0/16', [])).toBe('10.244.1.0/24');
    expect(nextPodCidr('10.244.0.0/16', ['10.244.1.0/24', '10.244.3.0/24'])).toBe('10.244.2.0/24');
  });

  it('says so when the range is full or too small', () => {
    expect(() => nextPodCidr('10.244.0.0/23', ['10.244.1.0/24'])).toThrow(/no free pod CIDR/);
    expect(() => nextPodCidr('10.244.0.0/25', [])).toThrow(/cannot hold/);
  });
});
