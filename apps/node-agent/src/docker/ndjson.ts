/**
 * Splits a byte stream of newline-delimited JSON into objects. Docker's events and stats streams
 * deliver chunks that can hold several objects or a part of one (dockerode#363, moby#40840), so
 * bytes are buffered until a newline completes a line.
 */
export class NdjsonSplitter {
  private pending = '';
  private readonly decoder = new TextDecoder();

  /** Feed one chunk; returns the complete objects it finished. Malformed lines go to onError. */
  push(chunk: Uint8Array | string, onError?: (line: string, err: unknown) => void): unknown[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    const out: unknown[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      try {
        out.push(JSON.parse(line));
      } catch (err) {
        onError?.(line, err);
      }
    }
    return out;
  }
}
