import { createRequire } from 'node:module';
import { loadSync } from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import { decodeWatchResponse, encodeWatchCreate, prefixRangeEnd } from './watch-codec.js';

// etcd's own messages through protobufjs, loaded the way etcd3 loads them (int64 as strings, enums as names: etcd3's copy says Put and Delete)
const rpcProto = createRequire(import.meta.url).resolve('etcd3/proto/rpc.proto');
const watch = (loadSync(rpcProto, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true })['etcdserverpb.Watch'] as any).Watch;
const decodeRequest = (buf: Buffer): any => watch.requestDeserialize(buf);
const encodeResponse = (msg: unknown): Buffer => watch.responseSerialize(msg);

const b = (s: string) => Buffer.from(s);
const header = (revision: string) => ({ cluster_id: '14841639068965178418', member_id: '10276657743932975437', revision, raft_term: '7' });

describe('watch codec', () => {
  it('encodes a create request: key, range end and start revision, multi-byte included', () => {
    for (const revision of [1, 127, 128, 300_000, 2 ** 40 + 5, Number.MAX_SAFE_INTEGER]) {
      const req = decodeRequest(encodeWatchCreate({ key: b('/registry/pods/'), rangeEnd: b('/registry/pods0'), startRevision: revision }));
      expect(req.request_union).toBe('create_request');
      expect(req.create_request).toEqual(
        expect.objectContaining({ key: b('/registry/pods/'), range_end: b('/registry/pods0'), start_revision: String(revision), prev_kv: false, progress_notify: false, fragment: false }),
      );
    }
    // 0 is "from now", written as the default (absent)
    expect(decodeRequest(encodeWatchCreate({ key: b('/a'), rangeEnd: b('/b'), startRevision: 0 })).create_request.start_revision).toBe('0');
    expect(() => encodeWatchCreate({ key: b('/a'), rangeEnd: b('/b'), startRevision: -1 })).toThrow(RangeError);
  });

  it('leaves the prefix free for a gRPC frame header', () => {
    const framed = encodeWatchCreate({ key: b('/a'), rangeEnd: b('/b'), startRevision: 9 }, 5);
    expect(decodeRequest(framed.subarray(5)).create_request.start_revision).toBe('9');
  });

  it('decodes events: puts with their revisions and values, deletes with their key and revision', () => {
    const value = 'ü'.repeat(40_000);
    const res = decodeWatchResponse(
      encodeResponse({
        header: header('9007199254740000'),
        watch_id: '3',
        events: [
          { type: 'Put', kv: { key: b('/registry/pods/a'), create_revision: '200', mod_revision: '9007199254739999', version: '4', value: b(value), lease: '7587883346253580562' } },
          { type: 'Delete', kv: { key: b('/registry/pods/b'), mod_revision: '9007199254740000' }, prev_kv: { key: b('/registry/pods/b'), value: b('old') } },
        ],
      }),
    );
    expect(res).toEqual({
      headerRevision: 9007199254740000,
      created: false,
      canceled: false,
      compactRevision: 0,
      cancelReason: '',
      events: [
        { type: 'put', kv: { key: '/registry/pods/a', value, createRevision: 200, modRevision: 9007199254739999 } },
        { type: 'delete', key: '/registry/pods/b', modRevision: 9007199254740000 },
      ],
    });
  });

  it('decodes created, and a cancel with its compact revision and reason', () => {
    expect(decodeWatchResponse(encodeResponse({ header: header('12'), watch_id: '0', created: true }))).toEqual(expect.objectContaining({ created: true, canceled: false, headerRevision: 12, events: [] }));
    const canceled = decodeWatchResponse(encodeResponse({ header: header('40'), canceled: true, compact_revision: '31', cancel_reason: 'mvcc: required revision has been compacted', fragment: true }));
    expect(canceled).toEqual(expect.objectContaining({ canceled: true, compactRevision: 31, cancelReason: 'mvcc: required revision has been compacted' }));
  });

  it('refuses a truncated response', () => {
    const bytes = encodeResponse({ header: header('5'), events: [{ type: 'Put', kv: { key: b('/a'), mod_revision: '5', value: b('v') } }] });
    expect(() => decodeWatchResponse(bytes.subarray(0, bytes.length - 1))).toThrow(/malformed WatchResponse/);
  });

  it('ends a prefix range where etcd does', () => {
    expect(Buffer.from(prefixRangeEnd(b('/registry/pods/')))).toEqual(b('/registry/pods0'));
    expect(Buffer.from(prefixRangeEnd(Buffer.from([0x61, 0xff, 0xff])))).toEqual(Buffer.from([0x62]));
    expect(Buffer.from(prefixRangeEnd(Buffer.from([0xff, 0xff])))).toEqual(Buffer.from([0]));
  });
});
