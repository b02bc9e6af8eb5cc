import { describe, expect, it } from 'vitest';
import { alignRows, columnWidths, formatColumns } from './columns.js';

describe('formatColumns', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    const text = formatColumns(['NAME', 'READY', 'AGE'], [
      ['web', '1/1', '5m'],
      ['database-0', '0/1', '10s'],
    ]);
    expect(text).toBe(['NAME         READY   AGE', 'web          1/1     5m', 'database-0   0/1     10s', ''].join('\n'));
  });

  it('leaves no trailing whitespace when the last cells are empty', () => {
    expect(alignRows([['a', ''], ['bbb', 'x']])).toEqual(['a', 'bbb   x']);
  });

  it('keeps widths from earlier rows so watch output lines up', () => {
    const widths = columnWidths([['NAME', 'AGE']]);
    const grown = columnWidths([['a-much-longer-name', '1s']], widths);
    expect(grown[0]).toBe(18);
    expect(alignRows([['x', '1s']], columnWidths([['x', '1s']], widths))).toEqual(['x      1s']);
  });

  it('supports a narrower gap (describe)', () => {
    expect(alignRows([['Name:', 'web'], ['Namespace:', 'default']], undefined, 2)).toEqual(['Name:       web', 'Namespace:  default']);
  });
});
