import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { limitBytes } from './logs.js';

describe('limitBytes', () => {
  it('passes at most the limit across chunks, then ends and releases the source', async () => {
    let released = false;
    const source = Readable.from([Buffer.from('hello '), Buffer.from('world')]);
    const out = await text(source.pipe(limitBytes(8, () => (released = true))));
    expect(out).toBe('hello wo');
    expect(released).toBe(true);
  });
});
