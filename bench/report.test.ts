import { describe, expect, it } from 'vitest';
import { renderTable } from './report.js';

describe('renderTable', () => {
  it('aligns columns and marks PASS/MISS', () => {
    const out = renderTable([
      { name: 'creates/s', value: '1200', target: '>= 50 %', pass: true },
      { name: 'raw etcd', value: '2000' },
      { name: 'p99', value: '400 ms', target: '<= 300 ms', pass: false },
    ]).split('\n');
    expect(out[0]).toBe('figure     measured  target');
    expect(out[2]).toBe('creates/s  1200      >= 50 %    PASS');
    expect(out[3]).toBe('raw etcd   2000');
    expect(out[4]).toBe('p99        400 ms    <= 300 ms  MISS');
  });
});
