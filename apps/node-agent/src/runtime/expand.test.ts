import { describe, expect, it } from 'vitest';
import { expandVars } from './expand.js';

const vars: Record<string, string> = { A: 'a', B: 'b$(A)' };
const lookup = (n: string): string | undefined => vars[n];

describe('expandVars', () => {
  it('replaces defined variables and keeps undefined ones as written', () => {
    expect(expandVars('x$(A)y$(MISSING)z', lookup)).toBe('xay$(MISSING)z');
  });
  it('does not expand values recursively', () => {
    expect(expandVars('$(B)', lookup)).toBe('b$(A)');
  });
  it('treats $$ as an escaped $', () => {
    expect(expandVars('$$(A) $$ $A', lookup)).toBe('$(A) $ $A');
  });
  it('keeps an unterminated reference and a trailing $', () => {
    expect(expandVars('$(A', lookup)).toBe('$(A');
    expect(expandVars('cost: 5$', lookup)).toBe('cost: 5$');
    expect(expandVars('$()', lookup)).toBe('$()');
  });
});
