import { describe, expect, it, vi } from 'vitest';
import { skipRedundantEnd } from './grpc-fixes.js';

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
