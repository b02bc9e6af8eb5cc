import { describe, expect, it } from 'vitest';
import { CHANNEL, decodeFrame, encodeFrame, encodeResize, exitStatus, parseExitStatus, parseResize } from './remotecommand.js';

describe('v5.channel.k8s.io framing', () => {
  it('prefixes the channel byte', () => {
    expect([...encodeFrame(CHANNEL.stdout, 'hi')]).toEqual([1, 0x68, 0x69]);
    expect([...encodeFrame(CHANNEL.close, Buffer.from([CHANNEL.stdin]))]).toEqual([255, 0]);
  });

  it('splits channel and payload', () => {
    expect(decodeFrame(Buffer.from([0, 0x61, 0x62]))).toEqual({ channel: 0, payload: Buffer.from('ab') });
    expect(decodeFrame(Buffer.from([255, 0]))).toEqual({ channel: 255, payload: Buffer.from([0]) });
    expect(decodeFrame(Buffer.alloc(0))).toBeUndefined();
  });

  it('resize is {"Width":w,"Height":h}', () => {
    const frame = encodeResize({ width: 120, height: 40 });
    expect(frame[0]).toBe(CHANNEL.resize);
    expect(frame.subarray(1).toString()).toBe('{"Width":120,"Height":40}');
    expect(parseResize(frame.subarray(1))).toEqual({ width: 120, height: 40 });
    expect(parseResize(Buffer.from('{"Width":-1,"Height":2}'))).toBeUndefined();
    expect(parseResize(Buffer.from('nope'))).toBeUndefined();
  });

  it('exit 0 is Success', () => {
    expect(exitStatus(0)).toEqual({ metadata: {}, status: 'Success' });
  });

  it('a non-zero exit is the Failure kubectl turns into its own exit code', () => {
    expect(exitStatus(3)).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: exit status 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  it('clients read the status back', () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v));
    expect(parseExitStatus(enc(exitStatus(0)))).toEqual({ exitCode: 0 });
    expect(parseExitStatus(enc(exitStatus(42)))).toEqual({ exitCode: 42 });
    expect(parseExitStatus(enc({ status: 'Failure', message: 'container not found' }))).toEqual({ error: 'container not found' });
    expect(parseExitStatus(Buffer.from('garbage'))).toMatchObject({ error: expect.stringContaining('protocol error') as unknown });
  });
});
