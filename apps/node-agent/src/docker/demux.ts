/**
 * Docker's multiplexed stdout/stderr framing (containers without a TTY): each frame is an 8-byte
 * header [stream, 0, 0, 0, length(uint32 BE)] followed by the payload. `logs` with follow:false
 * returns the whole framed Buffer at once (demuxBuffer); streams (followed logs, exec) arrive in
 * chunks that may cut a frame anywhere (FrameSplitter, demuxStream).
 */
import type { Readable, Writable } from 'node:stream';

export interface Frame {
  stream: 'stdout' | 'stderr' | 'stdin';
  data: Buffer;
}

const HEADER = 8;

function streamOf(type: number | undefined): Frame['stream'] {
  return type === 2 ? 'stderr' : type === 0 ? 'stdin' : 'stdout';
}

/** Incremental: feed chunks as they come, get the frames they complete. */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Frame[] = [];
    while (buf.length >= HEADER) {
      const length = buf.readUInt32BE(4);
      if (buf.length < HEADER + length) break;
      frames.push({ stream: streamOf(buf[0]), data: buf.subarray(HEADER, HEADER + length) });
      buf = buf.subarray(HEADER + length);
    }
    // Copy the remainder: a subarray would pin the whole chunk until the frame completes.
    this.pending = buf.length ? Buffer.from(buf) : Buffer.alloc(0);
    return frames;
  }
}

export function demuxBuffer(buf: Buffer): Frame[] {
  return new FrameSplitter().push(buf);
}

/** Does the buffer start like a framed stream? (A TTY container's logs are raw text.) */
export function looksMultiplexed(buf: Buffer): boolean {
  return buf.length >= 8 && (buf[0] === 0 || buf[0] === 1 || buf[0] === 2) && buf[1] === 0 && buf[2] === 0 && buf[3] === 0;
}

/** Writes the frames of `source` to stdout and stderr as they arrive; ending the targets is the caller's. */
export function demuxStream(source: Readable, stdout: Writable, stderr: Writable): void {
  const splitter = new FrameSplitter();
  source.on('data', (chunk: Buffer) => {
    for (const f of splitter.push(chunk)) {
      if (f.stream === 'stderr') stderr.write(f.data);
      else if (f.stream === 'stdout') stdout.write(f.data);
    }
  });
}
