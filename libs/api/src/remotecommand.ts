/**
 * The v5.channel.k8s.io framing (apimachinery util/remotecommand, client-go remotecommand/websocket.go):
 * every binary message starts with its channel byte. Shared by the apiserver and `tug exec`.
 */
import type { Status } from './types/meta.js';

export const V5_PROTOCOL = 'v5.channel.k8s.io';

export const CHANNEL = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  /** the final Status (Success, or Failure with NonZeroExitCode) */
  status: 3,
  /** terminal size, JSON {"Width":w,"Height":h} */
  resize: 4,
  /** v5: [255, channel] closes that channel; [255, 0] is the client half-closing stdin */
  close: 255,
} as const;

export interface Frame {
  channel: number;
  payload: Buffer;
}

export function encodeFrame(channel: number, payload: Uint8Array | string = Buffer.alloc(0)): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = channel;
  out.set(body, 1);
  return out;
}

/** undefined for an empty message (the protocol has none) */
export function decodeFrame(message: Buffer): Frame | undefined {
  if (message.length === 0) return undefined;
  return { channel: message[0]!, payload: message.subarray(1) };
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** {"Width":80,"Height":24} → { width: 80, height: 24 }; undefined when malformed. */
export function parseResize(payload: Buffer): TerminalSize | undefined {
  try {
    const v = JSON.parse(payload.toString('utf8')) as { Width?: unknown; Height?: unknown };
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffff;
    return ok(v.Width) && ok(v.Height) ? { width: v.Width, height: v.Height } : undefined;
  } catch {
    return undefined;
  }
}

export function encodeResize(size: TerminalSize): Buffer {
  return encodeFrame(CHANNEL.resize, JSON.stringify({ Width: size.width, Height: size.height }));
}

/** What the status channel says when the command exited with `code`. */
export function exitStatus(code: number): Partial<Status> {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

export type ExecOutcome = { exitCode: number } | { error: string };

/** The other way round, for clients: a status-channel message → the exit code, or the error it reports. */
export function parseExitStatus(payload: Buffer): ExecOutcome {
  let status: Partial<Status>;
  try {
    status = JSON.parse(payload.toString('utf8')) as Partial<Status>;
  } catch {
    return { error: `error stream protocol error: ${payload.toString('utf8')}` };
  }
  if (status.status === 'Success') return { exitCode: 0 };
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
    const code = Number(cause?.message);
    if (Number.isInteger(code)) return { exitCode: code };
  }
  return { error: status.message ?? 'error stream protocol error: unknown error' };
}
