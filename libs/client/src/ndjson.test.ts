import { describe, expect, it } from 'vitest';
import { parseNdjson } from './ndjson.js';

async function collect(chunks: (string | Buffer)[]): Promise<unknown[]> {
  async function* source(): AsyncGenerator<string | Buffer> {
    yield* chunks;
  }
  const out: unknown[] = [];
  for await (const v of parseNdjson(source())) out.push(v);
  return out;
}

describe('parseNdjson', () => {
  it('parses lines split across chunks, skipping blank lines', async () => {
    expect(await collect(['{"a":', '1}\n\n{"b"', ':2}\n{"c":3}'])).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('keeps multi-byte characters split between chunks intact', async () => {
    const bytes = Buffer.from('{"s":"héllo ✓"}\n', 'utf8');
    const cut = bytes.indexOf(0xe2) + 1; // inside the 3-byte check mark
    expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([{ s: 'héllo ✓' }]);
  });

  it('reports malformed lines', async () => {
    await expect(collect(['{"a":1}\nnot json\n'])).rejects.toThrow(/malformed JSON line: not json/);
  });
});
