/** A container's logs as plain text (stdout and stderr interleaved), bounded by limitBytes. */
import { PassThrough, Readable, Transform } from 'node:stream';
import { demuxBuffer, demuxStream, looksMultiplexed } from './demux.js';
import type { EngineClient } from './engine-client.js';

export interface LogOptions {
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

export async function containerLogs(docker: EngineClient, containerId: string, opts: LogOptions, signal?: AbortSignal): Promise<Readable> {
  const base = {
    timestamps: opts.timestamps ?? false,
    tail: opts.tailLines,
    since: opts.sinceSeconds !== undefined ? Math.floor(Date.now() / 1000) - opts.sinceSeconds : 0,
  };
  let out: Readable;
  if (!opts.follow) {
    const buf = await docker.logs(containerId, { ...base, follow: false });
    const text = looksMultiplexed(buf) ? Buffer.concat(demuxBuffer(buf).map((f) => f.data)) : buf;
    out = Readable.from([text]);
  } else {
    const tty = (await docker.inspectContainer(containerId)).Config.Tty;
    const source = await docker.logs(containerId, { ...base, follow: true });
    const target = new PassThrough();
    if (tty) source.pipe(target);
    else demuxStream(source, target, target);
    // demuxStream never ends its targets: end them when the container's stream ends.
    source.on('end', () => target.end());
    source.on('error', (err: Error) => target.destroy(err));
    target.on('close', () => source.destroy());
    signal?.addEventListener('abort', () => target.destroy(), { once: true });
    out = target;
  }
  return opts.limitBytes !== undefined ? out.pipe(limitBytes(opts.limitBytes, () => out.destroy())) : out;
}

/** Passes at most `limit` bytes, then ends (and lets the source go). */
export function limitBytes(limit: number, onLimit: () => void): Transform {
  let left = limit;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (left <= 0) return done();
      const part = chunk.subarray(0, left);
      left -= part.length;
      this.push(part);
      if (left <= 0) {
        this.push(null);
        onLimit();
      }
      done();
    },
  });
}
