/**
 * A hand-written protobuf codec for exactly the etcd messages a Store write needs: a TxnRequest of
 * Compare (result Equal on the create or mod revision) and RequestOps (put, delete_range, range of
 * one key), and of its TxnResponse only the header's revision, `succeeded` and the first response's
 * first range KeyValue (what a lost race reads). Field numbers from etcd's api/etcdserverpb/rpc.proto
 * and api/mvccpb/kv.proto (copies under node_modules/etcd3/proto/). Everything else in a response is
 * skipped by wire type, so fields etcd adds later do no harm.
 *
 * It replaces, for writes only, proto-loader's object conversion (etcd3 turns every int64 into a
 * string and back and builds every default field): one Buffer written in place, one pass to read.
 */
import { LEN, VARINT, checkRevision, int64Varint, lenEnd, lenField, malformed, readHeaderRevision, readKeyValue, readVarint, skip, tag, varintSize, writeBytes, writeVarint } from './proto-wire.js';
import type { DecodedKeyValue, Reader } from './proto-wire.js';

export type { DecodedKeyValue } from './proto-wire.js';

/** Compare.target: only CREATE (1) and MOD (2) are used; result is always EQUAL (0). */
export interface TxnCompare {
  target: 'create' | 'mod';
  key: Uint8Array;
  /** compared for equality; create revision 0 means "the key does not exist" */
  revision: number;
}

export type TxnOp =
  | { type: 'put'; key: Uint8Array; value: Uint8Array; /** lease id, decimal int64 */ lease?: string }
  | { type: 'delete'; key: Uint8Array }
  | { type: 'range'; key: Uint8Array };

export interface TxnRequestSpec {
  compare: readonly TxnCompare[];
  success: readonly TxnOp[];
  failure: readonly TxnOp[];
}

export interface TxnResult {
  /** header.revision: the store revision after the txn (the write's revision when it succeeded) */
  revision: number;
  succeeded: boolean;
  /** responses[0].response_range.kvs[0], if any */
  rangeKv: DecodedKeyValue | undefined;
}

function compareSize(c: TxnCompare): number {
  // target (field 2, omitted when 0, never here), key (3), create_revision (5) or mod_revision (6):
  // a oneof member is written even when 0, which is how etcd tells "create_revision = 0" apart
  return 2 + lenField(c.key.length) + 1 + varintSize(checkRevision(c.revision));
}

/** Size of the inner message of a RequestOp's oneof member. */
function opBodySize(op: TxnOp, lease: Buffer | undefined): number {
  let n = lenField(op.key.length);
  if (op.type === 'put') {
    n += lenField(op.value.length);
    if (lease) n += 1 + lease.length;
  }
  return n;
}

const OP_FIELD = { range: 1, put: 2, delete: 3 } as const; // RequestOp: request_range, request_put, request_delete_range

/**
 * Encodes a TxnRequest (compare = 1, success = 2, failure = 3). `prefix` bytes are left free at the
 * start of the buffer (5 for a gRPC frame header written by the caller).
 */
export function encodeTxnRequest(spec: TxnRequestSpec, prefix = 0): Buffer {
  const { compare, success, failure } = spec;
  const ops = [...success, ...failure];
  const leases = ops.map((op) => (op.type === 'put' && op.lease !== undefined ? int64Varint(op.lease) : undefined));
  const opBodies = ops.map((op, i) => opBodySize(op, leases[i]));
  let size = 0;
  for (const c of compare) size += lenField(compareSize(c));
  for (const body of opBodies) size += lenField(lenField(body));

  const buf = Buffer.allocUnsafe(prefix + size);
  let pos = prefix;
  for (const c of compare) {
    buf[pos++] = tag(1, LEN);
    pos = writeVarint(buf, pos, compareSize(c));
    buf[pos++] = tag(2, VARINT);
    buf[pos++] = c.target === 'create' ? 1 : 2;
    pos = writeBytes(buf, pos, 3, c.key);
    buf[pos++] = tag(c.target === 'create' ? 5 : 6, VARINT);
    pos = writeVarint(buf, pos, c.revision);
  }
  ops.forEach((op, i) => {
    const body = opBodies[i]!;
    buf[pos++] = tag(i < success.length ? 2 : 3, LEN);
    pos = writeVarint(buf, pos, lenField(body));
    buf[pos++] = tag(OP_FIELD[op.type], LEN);
    pos = writeVarint(buf, pos, body);
    pos = writeBytes(buf, pos, 1, op.key); // key = 1 in RangeRequest, PutRequest and DeleteRangeRequest
    if (op.type === 'put') {
      pos = writeBytes(buf, pos, 2, op.value);
      const lease = leases[i];
      if (lease) {
        buf[pos++] = tag(3, VARINT);
        buf.set(lease, pos);
        pos += lease.length;
      }
    }
  });
  if (pos !== buf.length) throw new Error(`etcd codec: wrote ${pos} of ${buf.length} bytes`);
  return buf;
}

// ---- reading -------------------------------------------------------------------------------

/** Walks the length-delimited field `path[0]` of the message ending at `end`, then `path[1]` inside it… (first occurrence each). */
function descend(r: Reader, end: number, path: readonly number[]): number | undefined {
  for (const want of path) {
    let found: number | undefined;
    while (r.pos < end) {
      const t = readVarint(r);
      if (t >>> 3 === want && (t & 7) === LEN) {
        found = lenEnd(r);
        break;
      }
      skip(r, t & 7);
    }
    if (found === undefined) return undefined;
    end = found;
  }
  return end;
}

/** Decodes a TxnResponse (header = 1, succeeded = 2, responses = 3). */
export function decodeTxnResponse(buf: Buffer): TxnResult {
  const r: Reader = { buf, pos: 0, message: 'TxnResponse' };
  const out: TxnResult = { revision: 0, succeeded: false, rangeKv: undefined };
  let sawResponse = false;
  while (r.pos < buf.length) {
    const t = readVarint(r);
    if (t === tag(1, LEN)) {
      const end = lenEnd(r);
      out.revision = readHeaderRevision(r, end);
    } else if (t === tag(2, VARINT)) {
      out.succeeded = readVarint(r) !== 0;
    } else if (t === tag(3, LEN) && !sawResponse) {
      sawResponse = true;
      const end = lenEnd(r);
      // ResponseOp.response_range = 1 → RangeResponse.kvs = 2 (first)
      const kvEnd = descend(r, end, [1, 2]);
      if (kvEnd !== undefined) out.rangeKv = readKeyValue(r, kvEnd);
      r.pos = end;
    } else skip(r, t & 7);
  }
  if (r.pos !== buf.length) malformed(r, 'trailing bytes');
  return out;
}
