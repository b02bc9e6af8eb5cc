import { describe, expect, it } from 'vitest';
import { demuxBuffer, looksMultiplexed } from './demux.js';

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
