import { describe, expect, it } from 'vitest';
import { intToIp, ipToInt, parseCidr } from './cidr.js';

describe('cidr', () => {
  it('round-trips addresses', () => {
    expect(ipToInt('10.96.0.10')).toBe(((10 * 256 + 96) * 256 + 0) * 256 + 10);
    expect(intToIp(ipToInt('10.96.0.10')!)).toBe('10.96.0.10');
    expect(ipToInt('10.96.0')).toBeUndefined();
    expect(ipToInt('10.96.0.256')).toBeUndefined();
  });
  it('parses a /12 to its base and size', () => {
    const { base, size } = parseCidr('10.96.0.0/12');
    expect(intToIp(base)).toBe('10.96.0.0');
    expect(intToIp(base + size - 1)).toBe('10.111.255.255');
    expect(() => parseCidr('10.96.0.0/40')).toThrow(/invalid CIDR/);
  });
});
