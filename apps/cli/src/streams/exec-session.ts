/**
 * The client half of a v5.channel.k8s.io exec session: stdin (a stream, or text read up front) to
 * channel 0 and [255,0] at its end; channels 1 and 2 to stdout and stderr; the terminal's size to
 * channel 4; channel 3's Status to the remote exit code. The session owns the socket and detaches
 * from stdin and the terminal when it ends.
 */
import { StringDecoder } from 'node:string_decoder';
import { CHANNEL, decodeFrame, encodeFrame, encodeResize, parseExitStatus } from '@tugboat/api';
import type { ExecOutcome } from '@tugboat/api';
import type { RawData, WebSocket } from 'ws';
import type { Io } from '../command.js';

export interface SessionOptions {
  stdin: boolean;
  tty: boolean;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** Resolves with the remote command's exit code; rejects with the error the server reported. */
export function runExecSession(ws: WebSocket, io: Io, opts: SessionOptions): Promise<number> {
  const cleanups: (() => void)[] = [];
  const send = (frame: Buffer): void => {
    if (ws.readyState === ws.OPEN) ws.send(frame);
  };

  if (opts.tty && io.terminal) {
    const terminal = io.terminal;
    terminal.setRawMode(true);
    cleanups.push(() => terminal.setRawMode(false));
    send(encodeResize(terminal.size()));
    cleanups.push(terminal.onResize(() => send(encodeResize(terminal.size()))));
  }
  if (opts.stdin) cleanups.push(pumpStdin(io, send));

  const out = new StringDecoder('utf8');
  const err = new StringDecoder('utf8');
  let outcome: ExecOutcome | undefined;
  return new Promise<number>((resolve, reject) => {
    ws.on('message', (data, isBinary) => {
      const frame = isBinary ? decodeFrame(toBuffer(data)) : undefined;
      if (!frame) return;
      if (frame.channel === CHANNEL.stdout) io.stdout.write(out.write(frame.payload));
      else if (frame.channel === CHANNEL.stderr) io.stderr.write(err.write(frame.payload));
      else if (frame.channel === CHANNEL.status) outcome = parseExitStatus(frame.payload);
    });
    ws.on('error', (e) => outcome ??= { error: e.message });
    ws.on('close', () => {
      for (const cleanup of cleanups.reverse()) cleanup();
      io.stdout.write(out.end());
      io.stderr.write(err.end());
      if (!outcome) reject(new Error('the connection closed before the command finished'));
      else if ('exitCode' in outcome) resolve(outcome.exitCode);
      else reject(new Error(outcome.error));
    });
  });
}

/** Standard input to channel 0, then the half-close; returns how to stop reading. */
function pumpStdin(io: Io, send: (frame: Buffer) => void): () => void {
  const close = (): void => send(encodeFrame(CHANNEL.close, Buffer.from([CHANNEL.stdin])));
  const stream = io.stdinStream;
  if (!stream) {
    void io.readStdin().then((text) => {
      if (text) send(encodeFrame(CHANNEL.stdin, text));
      close();
    });
    return () => undefined;
  }
  const onData = (chunk: Buffer | string): void => send(encodeFrame(CHANNEL.stdin, chunk));
  stream.on('data', onData);
  stream.once('end', close);
  return () => {
    stream.off('data', onData);
    stream.off('end', close);
    // a paused stdin no longer keeps the process alive
    stream.pause();
  };
}
