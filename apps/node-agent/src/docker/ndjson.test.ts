import { describe, expect, it } from 'vitest';
import { NdjsonSplitter } from './ndjson.js';

describe('NdjsonSplitter', () => {
  it('returns whole objects only, across chunk boundaries', () => {
    const s = new NdjsonSplitter();
    expect(s.push('{"a":1}\n{"b"')).toEqual([{ a: 1 }]);
    expect(s.push(':2}')).toEqual([]);
    expect(s.push('\n{"c":3}\n\n{"d":4}\n')).toEqual([{ b: 2 }, { c: 3 }, { d: 4 }]);
  });

  it('decodes multi-byte characters split between chunks', () => {
    const s = new NdjsonSplitter();
    const bytes = new TextEncoder().encode('{"s":"é"}\n');
    expect(s.push(bytes.subarray(0, 7))).toEqual([]);
    expect(s.push(bytes.subarray(7))).toEqual([{ s: 'é' }]);
  });

  it('reports malformed lines and keeps going', () => {
    const s = new NdjsonSplitter();
    const bad: string[] = [];
    expect(s.push('nope\n{"ok":true}\n', (l) => bad.push(l))).toEqual([{ ok: true }]);
    expect(bad).toEqual(['nope']);
  });
});
