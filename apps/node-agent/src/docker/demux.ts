/**
 * Docker's multiplexed stdout/stderr framing (containers without a TTY): each frame is an 8-byte
 * header [stream, 0, 0, 0, length(uint32 BE)] followed by the payload. `logs` with follow:false
 * returns the whole framed Buffer at once, which this splits; streams go through modem.demuxStream.
 */
export interface Frame {
  stream: 'stdout' | 'stderr' | 'stdin';
  data: Buffer;
}

export function demuxBuffer(buf: Buffer): Frame[] {
  const frames: Frame[] = [];
  let offset = 0;
  while (offset + 8 <= buf.length) {
    const type = buf[offset];
    const length = buf.readUInt32BE(offset + 4);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    frames.push({ stream: type === 2 ? 'stderr' : type === 0 ? 'stdin' : 'stdout', data });
    offset += 8 + length;
  }
  return frames;
}

/** Does the buffer start like a framed stream? (A TTY container's logs are raw text.) */
export function looksMultiplexed(buf: Buffer): boolean {
  return buf.length >= 8 && (buf[0] === 0 || buf[0] === 1 || buf[0] === 2) && buf[1] === 0 && buf[2] === 0 && buf[3] === 0;
}
