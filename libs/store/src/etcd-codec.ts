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

/** A KeyValue as the Store hands it out (structurally a StoredValue). */
export interface DecodedKeyValue {
  key: string;
  value: string;
  modRevision: number;
  createRevision: number;
}

export interface TxnResult {
  /** header.revision: the store revision after the txn (the write's revision when it succeeded) */
  revision: number;
  succeeded: boolean;
  /** responses[0].response_range.kvs[0], if any */
  rangeKv: DecodedKeyValue | undefined;
}

// ---- writing -------------------------------------------------------------------------------

const LEN = 2; // wire type: length-delimited
const VARINT = 0;

const tag = (field: number, wire: number): number => (field << 3) | wire; // all fields here are < 16: one byte

/** Bytes of a varint for a non-negative integer up to 2^53 (revisions, lengths). */
function varintSize(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function writeVarint(buf: Buffer, pos: number, v: number): number {
  while (v >= 128) {
    buf[pos++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[pos++] = v;
  return pos;
}

/** int64 as protobuf writes it: two's complement in 64 bits, so a negative one takes 10 bytes. */
function int64Varint(decimal: string): Buffer {
  let v = BigInt.asUintN(64, BigInt(decimal));
  const out: number[] = [];
  while (v >= 128n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

/** Size of a length-delimited field (tag + length + body). */
const lenField = (body: number): number => 1 + varintSize(body) + body;

/** A revision that is not a non-negative safe integer would be encoded as other bytes than it says. */
function checkRevision(v: number): number {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`etcd: a revision must be a non-negative integer, not ${v}`);
  return v;
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

function writeBytes(buf: Buffer, pos: number, field: number, bytes: Uint8Array): number {
  buf[pos++] = tag(field, LEN);
  pos = writeVarint(buf, pos, bytes.length);
  buf.set(bytes, pos);
  return pos + bytes.length;
}

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

/** A read position in a buffer; one object per decode, so the helpers stay small. */
interface Reader {
  buf: Buffer;
  pos: number;
}

function malformed(what: string): never {
  throw new Error(`etcd codec: malformed TxnResponse (${what})`);
}

/** A varint as a number: exact up to 2^53, which revisions and lengths never pass. */
function readVarint(r: Reader): number {
  const { buf } = r;
  let result = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (r.pos >= buf.length) malformed('truncated varint');
    const b = buf[r.pos++]!;
    result += (b & 0x7f) * mul;
    if (b < 0x80) return result;
    mul *= 128;
  }
  return malformed('varint over 10 bytes');
}

/** Skips a field's value of wire type `wire`. */
function skip(r: Reader, wire: number): void {
  switch (wire) {
    case 0:
      readVarint(r);
      return;
    case 1:
      r.pos += 8;
      break;
    case 2: {
      const length = readVarint(r);
      r.pos += length;
      break;
    }
    case 5:
      r.pos += 4;
      break;
    default:
      malformed(`wire type ${wire}`);
  }
  if (r.pos > r.buf.length) malformed('truncated field');
}

/** The end of a length-delimited field whose length is next. */
function lenEnd(r: Reader): number {
  const length = readVarint(r);
  const end = r.pos + length;
  if (end > r.buf.length) malformed('truncated message');
  return end;
}

const utf8 = (buf: Buffer, start: number, end: number): string => buf.toString('utf8', start, end);

/** mvccpb.KeyValue: key = 1, create_revision = 2, mod_revision = 3, value = 5. */
function readKeyValue(r: Reader, end: number): DecodedKeyValue {
  const kv: DecodedKeyValue = { key: '', value: '', modRevision: 0, createRevision: 0 };
  while (r.pos < end) {
    const t = readVarint(r);
    const field = t >>> 3;
    if (field === 1 && (t & 7) === LEN) {
      const e = lenEnd(r);
      kv.key = utf8(r.buf, r.pos, e);
      r.pos = e;
    } else if (field === 5 && (t & 7) === LEN) {
      const e = lenEnd(r);
      kv.value = utf8(r.buf, r.pos, e);
      r.pos = e;
    } else if (field === 2 && (t & 7) === VARINT) kv.createRevision = readVarint(r);
    else if (field === 3 && (t & 7) === VARINT) kv.modRevision = readVarint(r);
    else skip(r, t & 7);
  }
  return kv;
}

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

/** ResponseHeader.revision = 3. */
function readHeaderRevision(r: Reader, end: number): number {
  let revision = 0;
  while (r.pos < end) {
    const t = readVarint(r);
    if (t === tag(3, VARINT)) revision = readVarint(r);
    else skip(r, t & 7);
  }
  return revision;
}

/** Decodes a TxnResponse (header = 1, succeeded = 2, responses = 3). */
export function decodeTxnResponse(buf: Buffer): TxnResult {
  const r: Reader = { buf, pos: 0 };
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
  if (r.pos !== buf.length) malformed('trailing bytes');
  return out;
}
