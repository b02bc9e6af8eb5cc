/**
 * One exec session: a kubectl WebSocket (v5.channel.k8s.io) bridged to AgentService.Exec.
 *   ws [0,…] → stdin        ws [4,{Width,Height}] → resize     ws [255,0] → stdin_close
 *   stdout → ws [1,…]       stderr → ws [2,…]                  exit_code → ws [3,Status], close 1000
 * The bridge owns both ends: whichever finishes first ends the other.
 */
import type { ClientDuplexStream } from '@grpc/grpc-js';
import { CHANNEL, decodeFrame, encodeFrame, exitStatus, parseResize, toApiError } from '@tugboat/api';
import { fromServiceError } from '@tugboat/rpc';
import type { ContainerRef, ExecInput, ExecOutput__Output } from '@tugboat/rpc';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { ExecOptions } from './exec-options.js';

/** output waiting in the WebSocket's send buffer before the agent stream is paused */
const MAX_BUFFERED = 1 << 20;

export type ExecCall = ClientDuplexStream<ExecInput, ExecOutput__Output>;

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export interface ExecSession {
  ref: ContainerRef;
  opts: ExecOptions;
  log: Logger;
}

export function bridgeExec(ws: WebSocket, call: ExecCall, { ref, opts, log }: ExecSession): Promise<void> {
  return new Promise((resolve) => {
    let exitCode: number | undefined;
    let done = false;

    const finish = (status: object): void => {
      if (done) return;
      done = true;
      clearInterval(drainPoll);
      if (ws.readyState === ws.OPEN) {
        ws.send(encodeFrame(CHANNEL.status, JSON.stringify(status)));
        ws.close(1000);
      }
      call.cancel();
      resolve();
    };

    // ws has no 'drain' event: while the agent stream is paused, poll the send buffer
    const drainPoll = setInterval(() => {
      if (call.isPaused() && ws.bufferedAmount < MAX_BUFFERED / 2) call.resume();
    }, 50);

    const forward = (channel: number, data: Buffer | undefined): void => {
      if (!data || data.length === 0 || ws.readyState !== ws.OPEN) return;
      ws.send(encodeFrame(channel, data));
      if (ws.bufferedAmount > MAX_BUFFERED) call.pause();
    };

    ws.on('message', (data, isBinary) => {
      const frame = isBinary ? decodeFrame(toBuffer(data)) : undefined;
      if (!frame) return;
      let ok = true;
      switch (frame.channel) {
        case CHANNEL.stdin:
          if (opts.stdin && frame.payload.length > 0) ok = call.write({ stdin: frame.payload });
          break;
        case CHANNEL.resize: {
          const size = parseResize(frame.payload);
          if (size && opts.tty) ok = call.write({ resize: size });
          break;
        }
        case CHANNEL.close:
          if (frame.payload[0] === CHANNEL.stdin && opts.stdin) ok = call.write({ stdin_close: true });
          break;
      }
      // the agent is slow to take stdin: stop reading the socket until it drains
      if (!ok) {
        ws.pause();
        call.once('drain', () => ws.resume());
      }
    });
    ws.on('close', () => finish({ metadata: {}, status: 'Failure', message: 'client went away' }));
    ws.on('error', (err) => {
      log.debug({ err }, 'exec websocket failed');
      finish({ metadata: {}, status: 'Failure', message: 'client went away' });
    });

    call.on('data', (out: ExecOutput__Output) => {
      if (out.output === 'stdout') forward(CHANNEL.stdout, out.stdout);
      else if (out.output === 'stderr') forward(CHANNEL.stderr, out.stderr);
      else if (out.output === 'exit_code') exitCode = out.exit_code;
    });
    call.on('end', () => {
      if (exitCode === undefined) finish(toApiError(new Error('the agent ended the exec stream without an exit code')).toStatus());
      else finish(exitStatus(exitCode));
    });
    call.on('error', (err) => {
      if (done) return;
      const apiErr = fromServiceError(err);
      log.debug({ err: apiErr, pod: ref }, 'exec stream failed');
      finish(apiErr.toStatus());
    });

    call.write({ start: { ref, command: opts.command, stdin: opts.stdin, tty: opts.tty } });
  });
}
