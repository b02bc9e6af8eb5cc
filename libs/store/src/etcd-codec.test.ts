import { createRequire } from 'node:module';
import { loadSync } from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import { decodeTxnResponse, encodeTxnRequest } from './etcd-codec.js';

// etcd's own messages through protobufjs, loaded the way etcd3 loads them (int64 as strings, enums as names)
const rpcProto = createRequire(import.meta.url).resolve('etcd3/proto/rpc.proto');
const Txn = loadSync(rpcProto, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true })['etcdserverpb.KV']!;
const txnMethod = (Txn as any).Txn;
const decodeRequest = (buf: Buffer): any => txnMethod.requestDeserialize(buf);
const encodeResponse = (msg: unknown): Buffer => txnMethod.responseSerialize(msg);

const b = (s: string) => Buffer.from(s);

describe('etcd codec', () => {
  it('encodes a create: compare create_revision = 0 (written, as a oneof member), put with a lease, range on failure', () => {
    const key = b('/registry/pods/default/web');
    const bytes = encodeTxnRequest({
      compare: [{ target: 'create', key, revision: 0 }],
      success: [{ type: 'put', key, value: b('{"kind":"Pod"}'), lease: '7587883346253580562' }],
      failure: [{ type: 'range', key }],
    });
    const req = decodeRequest(bytes);
    expect(req.compare).toEqual([
      expect.objectContaining({ result: 'Equal', target: 'Create', key, target_union: 'create_revision', create_revision: '0' }),
    ]);
    expect(req.success).toEqual([
      expect.objectContaining({ request: 'request_put', request_put: expect.objectContaining({ key, value: b('{"kind":"Pod"}'), lease: '7587883346253580562' }) }),
    ]);
    expect(req.failure).toEqual([expect.objectContaining({ request: 'request_range', request_range: expect.objectContaining({ key, range_end: Buffer.alloc(0) }) })]);
  });

  it('encodes an update and a delete against a mod revision, with multi-byte lengths and revisions', () => {
    const key = b('/k/ü');
    const value = b('x'.repeat(200_000));
    for (const revision of [1, 127, 128, 300, 2 ** 31, 2 ** 40 + 5, Number.MAX_SAFE_INTEGER]) {
      const req = decodeRequest(
        encodeTxnRequest({
          compare: [{ target: 'mod', key, revision }],
          success: [{ type: 'put', key, value }, { type: 'delete', key }],
          failure: [{ type: 'range', key }],
        }),
      );
      expect(req.compare[0]).toMatchObject({ target: 'Mod', result: 'Equal', target_union: 'mod_revision', mod_revision: String(revision) });
      expect(req.compare[0].key).toEqual(key);
      expect(req.success[0].request_put.value.equals(value)).toBe(true);
      expect(req.success[0].request_put.lease).toBe('0');
      expect(req.success[1]).toMatchObject({ request: 'request_delete_range', request_delete_range: { key, prev_kv: false } });
      expect(req.failure[0].request).toBe('request_range');
    }
  });

  it('refuses a revision it could not encode as it says (negative, fractional, past 2^53)', () => {
    const key = b('/k');
    for (const revision of [-1, 1.5, Number.NaN, 2 ** 53 + 2]) {
      expect(() => encodeTxnRequest({ compare: [{ target: 'mod', key, revision }], success: [{ type: 'delete', key }], failure: [] })).toThrow(RangeError);
    }
  });

  it('writes a negative lease as protobuf does (ten bytes of two’s complement)', () => {
    const key = b('k');
    const req = decodeRequest(encodeTxnRequest({ compare: [], success: [{ type: 'put', key, value: b('v'), lease: '-2' }], failure: [] }));
    expect(req.success[0].request_put.lease).toBe('-2');
  });

  it('decodes a succeeded TxnResponse: the header revision, skipping every other field', () => {
    const bytes = encodeResponse({
      header: { cluster_id: '18446744073709551615', member_id: '9372538179322589801', revision: '9007199254740991', raft_term: '7' },
      succeeded: true,
      responses: [{ response_put: { header: { revision: '5' }, prev_kv: { key: b('a'), value: b('b') } } }],
    });
    expect(decodeTxnResponse(bytes)).toEqual({ revision: Number.MAX_SAFE_INTEGER, succeeded: true, rangeKv: undefined });
  });

  it('decodes a failed TxnResponse: the first key of the first range response', () => {
    const value = 'é'.repeat(70_000);
    const bytes = encodeResponse({
      header: { cluster_id: '1', revision: '42' },
      succeeded: false,
      responses: [
        {
          response_range: {
            header: { revision: '42' },
            kvs: [
              { key: b('/registry/pods/default/web'), create_revision: '3', mod_revision: '40', version: '9', value: b(value), lease: '77' },
              { key: b('/other'), create_revision: '1', mod_revision: '1', value: b('no') },
            ],
            count: '2',
          },
        },
        { response_range: { kvs: [{ key: b('/third'), value: b('no') }] } },
      ],
    });
    expect(decodeTxnResponse(bytes)).toEqual({
      revision: 42,
      succeeded: false,
      rangeKv: { key: '/registry/pods/default/web', value, createRevision: 3, modRevision: 40 },
    });
  });

  it('decodes a lost race on an absent key and an empty response', () => {
    const bytes = encodeResponse({ header: { revision: '8' }, succeeded: false, responses: [{ response_range: { header: { revision: '8' }, kvs: [] } }] });
    expect(decodeTxnResponse(bytes)).toEqual({ revision: 8, succeeded: false, rangeKv: undefined });
    expect(decodeTxnResponse(Buffer.alloc(0))).toEqual({ revision: 0, succeeded: false, rangeKv: undefined });
  });

  it('leaves room for a frame header and refuses truncated input', () => {
    const key = b('k');
    const framed = encodeTxnRequest({ compare: [{ target: 'mod', key, revision: 3 }], success: [{ type: 'delete', key }], failure: [] }, 5);
    expect(decodeRequest(framed.subarray(5)).success[0].request).toBe('request_delete_range');
    const bytes = encodeResponse({ header: { revision: '300' }, succeeded: true, responses: [] });
    expect(() => decodeTxnResponse(bytes.subarray(0, bytes.length - 1))).toThrow(/malformed/);
  });
});
