/**
 * Protobuf's wire format, the little of it etcd's messages need, for the hand-written codecs of the
 * Store's writes (etcd-codec.ts) and watches (watch-codec.ts). Numbers are JS numbers: revisions
 * and lengths stay far below 2^53.
 */

/** A KeyValue as the Store hands it out (structurally a StoredValue). */
export interface DecodedKeyValue {
  key: string;
  value: string;
  modRevision: number;
  createRevision: number;
}

// ---- writing -------------------------------------------------------------------------------

export const LEN = 2; // wire type: length-delimited
export const VARINT = 0;

export const tag = (field: number, wire: number): number => (field << 3) | wire; // all fields here are < 16: one byte

/** Bytes of a varint for a non-negative integer up to 2^53 (revisions, lengths). */
export function varintSize(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

export function writeVarint(buf: Buffer, pos: number, v: number): number {
  while (v >= 128) {
    buf[pos++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[pos++] = v;
  return pos;
}

/** int64 as protobuf writes it: two's complement in 64 bits, so a negative one takes 10 bytes. */
export function int64Varint(decimal: string): Buffer {
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
export const lenField = (body: number): number => 1 + varintSize(body) + body;

/** A revision that is not a non-negative safe integer would be encoded as other bytes than it says. */
export function checkRevision(v: number): number {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`etcd: a revision must be a non-negative integer, not ${v}`);
  return v;
}

export function writeBytes(buf: Buffer, pos: number, field: number, bytes: Uint8Array): number {
  buf[pos++] = tag(field, LEN);
  pos = writeVarint(buf, pos, bytes.length);
  buf.set(bytes, pos);
  return pos + bytes.length;
}

// ---- reading -------------------------------------------------------------------------------

/** A read position in a buffer; one object per decode, so the helpers stay small. */
export interface Reader {
  buf: Buffer;
  pos: number;
  /** the message being read, for errors */
  message: string;
}

export function malformed(r: Reader, what: string): never {
  throw new Error(`etcd codec: malformed ${r.message} (${what})`);
}

/** A varint as a number: exact up to 2^53, which revisions and lengths never pass. */
export function readVarint(r: Reader): number {
  const { buf } = r;
  let result = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (r.pos >= buf.length) malformed(r, 'truncated varint');
    const b = buf[r.pos++]!;
    result += (b & 0x7f) * mul;
    if (b < 0x80) return result;
    mul *= 128;
  }
  return malformed(r, 'varint over 10 bytes');
}

/** Skips a field's value of wire type `wire`. */
export function skip(r: Reader, wire: number): void {
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
      malformed(r, `wire type ${wire}`);
  }
  if (r.pos > r.buf.length) malformed(r, 'truncated field');
}

/** The end of a length-delimited field whose length is next. */
export function lenEnd(r: Reader): number {
  const length = readVarint(r);
  const end = r.pos + length;
  if (end > r.buf.length) malformed(r, 'truncated message');
  return end;
}

export const utf8 = (buf: Buffer, start: number, end: number): string => buf.toString('utf8', start, end);

/** mvccpb.KeyValue: key = 1, create_revision = 2, mod_revision = 3, value = 5. */
export function readKeyValue(r: Reader, end: number): DecodedKeyValue {
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

/** ResponseHeader.revision = 3. */
export function readHeaderRevision(r: Reader, end: number): number {
  let revision = 0;
  while (r.pos < end) {
    const t = readVarint(r);
    if (t === tag(3, VARINT)) revision = readVarint(r);
    else skip(r, t & 7);
  }
  return revision;
}
