import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FrameSplitter, demuxBuffer, demuxStream, looksMultiplexed } from './demux.js';

function frame(type: number, text: string): Buffer {
  const data = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(data.length, 4);
  return Buffer.concat([header, data]);
}

describe('demuxBuffer', () => {
  it('splits stdout and stderr frames', () => {
    const buf = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, '')]);
    expect(looksMultiplexed(buf)).toBe(true);
    expect(demuxBuffer(buf).map((f) => [f.stream, f.data.toString()])).toEqual([['stdout', 'out\n'], ['stderr', 'err\n'], ['stdout', '']]);
  });
  it('recognises raw TTY output', () => {
    expect(looksMultiplexed(Buffer.from('hello world\n'))).toBe(false);
  });
});

describe('FrameSplitter', () => {
  it('reassembles frames cut anywhere, header included', () => {
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world')]);
    for (let cut = 1; cut < all.length; cut++) {
      const s = new FrameSplitter();
      const frames = [...s.push(all.subarray(0, cut)), ...s.push(all.subarray(cut))];
      expect(frames.map((f) => `${f.stream}:${f.data.toString()}`)).toEqual(['stdout:hello ', 'stderr:oops', 'stdout:world']);
    }
  });
});

describe('demuxStream', () => {
  it('sends each frame to its target', async () => {
    const source = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    const stdout = new PassThrough().on('data', (b: Buffer) => out.push(b.toString()));
    const stderr = new PassThrough().on('data', (b: Buffer) => err.push(b.toString()));
    demuxStream(source, stdout, stderr);
    const both = Buffer.concat([frame(1, 'a'), frame(2, 'b'), frame(1, 'c')]);
    source.write(both.subarray(0, 5));
    source.end(both.subarray(5));
    await new Promise((r) => source.on('end', r));
    expect([out.join(''), err.join('')]).toEqual(['ac', 'b']);
  });
});
