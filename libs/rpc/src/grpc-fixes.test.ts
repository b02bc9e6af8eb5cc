import { describe, expect, it, vi } from 'vitest';
import { authContextPerSession, skipRedundantEnd } from './grpc-fixes.js';

function fakeCall(state: { serverEndedCall: boolean; writableEnded: boolean; destroyed?: boolean }) {
  const original = vi.fn();
  const proto = { destroyHttp2Stream: original } as unknown as Parameters<typeof skipRedundantEnd>[0];
  skipRedundantEnd(proto);
  const call = Object.assign(Object.create(proto), {
    serverEndedCall: state.serverEndedCall,
    http2Stream: { writableEnded: state.writableEnded, destroyed: state.destroyed ?? false },
  });
  call.destroyHttp2Stream();
  return original;
}

describe('skipRedundantEnd (grpc-node#3082)', () => {
  it('skips only the end() of a stream whose writable side already ended after the server ended the call', () => {
    expect(fakeCall({ serverEndedCall: true, writableEnded: true })).not.toHaveBeenCalled();
    expect(fakeCall({ serverEndedCall: true, writableEnded: false })).toHaveBeenCalledOnce();
    expect(fakeCall({ serverEndedCall: false, writableEnded: true })).toHaveBeenCalledOnce();
    expect(fakeCall({ serverEndedCall: true, writableEnded: true, destroyed: true })).toHaveBeenCalledOnce();
  });

  it('is installed on grpc-js itself once, however often the module is loaded', async () => {
    const { Http2SubchannelCall } = await import('@grpc/grpc-js/build/src/subchannel-call.js');
    await import('./index.js');
    const method = (Http2SubchannelCall.prototype as unknown as { destroyHttp2Stream: { skipsRedundantEnd?: true } }).destroyHttp2Stream;
    expect(method.skipsRedundantEnd).toBe(true);
  });
});

describe('authContextPerSession', () => {
  it('asks the socket once per HTTP/2 session, and again for another session', () => {
    const original = vi.fn(function (this: { stream: { session: { id: number } } }) {
      return { transportSecurityType: 'ssl', session: this.stream.session.id };
    });
    const proto = { getAuthContext: original } as unknown as Parameters<typeof authContextPerSession>[0];
    authContextPerSession(proto);
    authContextPerSession(proto); // installed once
    const sessionA = { id: 1 };
    const sessionB = { id: 2 };
    const call = (session: object | undefined) => Object.assign(Object.create(proto), { stream: { session } }).getAuthContext();
    expect(call(sessionA)).toEqual({ transportSecurityType: 'ssl', session: 1 });
    expect(call(sessionA)).toEqual({ transportSecurityType: 'ssl', session: 1 });
    expect(call(sessionB)).toEqual({ transportSecurityType: 'ssl', session: 2 });
    expect(original).toHaveBeenCalledTimes(2);
  });

  it('is installed on grpc-js itself', async () => {
    const { BaseServerInterceptingCall } = await import('@grpc/grpc-js/build/src/server-interceptors.js');
    await import('./index.js');
    const method = (BaseServerInterceptingCall.prototype as unknown as { getAuthContext: { perSession?: true } }).getAuthContext;
    expect(method.perSession).toBe(true);
  });
});
