import { describe, expect, it } from 'vitest';
import { FrameReader } from './grpc-frames.js';

function frame(body: string, compressed = 0): Buffer {
  const head = Buffer.alloc(5);
  head[0] = compressed;
  head.writeUInt32BE(Buffer.byteLength(body), 1);
  return Buffer.concat([head, Buffer.from(body)]);
}

describe('FrameReader', () => {
  const stream = Buffer.concat([frame('first'), frame(''), frame('x'.repeat(70_000)), frame('last')]);
  const expected = ['first', '', 'x'.repeat(70_000), 'last'];

  it('reads messages whatever the chunks, one byte at a time included', () => {
    for (const size of [1, 2, 3, 5, 7, 4096, stream.length]) {
      const got: string[] = [];
      const reader = new FrameReader((m) => got.push(m.toString()));
      const errors: unknown[] = [];
      for (let i = 0; i < stream.length; i += size) errors.push(reader.push(stream.subarray(i, i + size)));
      expect(errors.filter((e) => e !== undefined)).toEqual([]);
      expect(got).toEqual(expected);
    }
  });

  it('waits for the rest of a message', () => {
    const got: string[] = [];
    const reader = new FrameReader((m) => got.push(m.toString()));
    const one = frame('abc');
    reader.push(one.subarray(0, 6));
    expect(got).toEqual([]);
    reader.push(one.subarray(6));
    expect(got).toEqual(['abc']);
  });

  it('refuses a compressed message', () => {
    const reader = new FrameReader(() => undefined);
    expect(reader.push(frame('abc', 1))?.message).toMatch(/compressed/);
  });
});
