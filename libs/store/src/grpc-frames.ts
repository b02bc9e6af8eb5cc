/** gRPC's length-prefixed messages: a 5-byte header (compressed flag, length) before each. */

export const FRAME_HEADER = 5;

const EMPTY = Buffer.alloc(0);

/**
 * gRPC messages out of a stream's chunks. A message is copied once, when it is whole: a catch-up
 * response of several MB arrives in hundreds of chunks, and joining them as they came was quadratic.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** the next message's length, once its header is in */
  private next: number | undefined;

  constructor(private readonly onMessage: (msg: Buffer) => void) {}

  /** An error if the stream cannot be read (a compressed message: none is asked for). */
  push(chunk: Buffer): Error | undefined {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.next === undefined) {
        if (this.buffered < FRAME_HEADER) return undefined;
        const head = this.take(FRAME_HEADER);
        if (head[0] !== 0) return new Error('a compressed gRPC message, which was not asked for');
        this.next = head.readUInt32BE(1);
      }
      if (this.buffered < this.next) return undefined;
      const msg = this.take(this.next);
      this.next = undefined;
      this.onMessage(msg);
    }
  }

  /** The first n buffered bytes (n <= buffered), joined only if they span chunks. */
  private take(n: number): Buffer {
    if (n === 0) return EMPTY;
    this.buffered -= n;
    const first = this.chunks[0]!;
    if (first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const all = Buffer.concat(this.chunks);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    return all.subarray(0, n);
  }
}
