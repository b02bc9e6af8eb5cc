/**
 * A hand-written protobuf codec for etcd's Watch stream as the Store's prefix watches use it: a
 * WatchRequest that creates one watch (key, range_end, start_revision), and WatchResponses read
 * straight into StoreEvents. Field numbers from etcd's api/etcdserverpb/rpc.proto and
 * api/mvccpb/kv.proto (copies under node_modules/etcd3/proto/); fields not read here are skipped by
 * wire type. It replaces protobufjs's objects, where every revision became a Long, then a string
 * (BigNumber) and then a number again.
 */
import { LEN, VARINT, lenEnd, lenField, malformed, readHeaderRevision, readKeyValue, readVarint, skip, tag, varintSize, writeBytes, writeVarint, checkRevision } from './proto-wire.js';
import type { DecodedKeyValue, Reader } from './proto-wire.js';

/**
 * No previous values: the one owner of prefix watches (the apiserver's watch cache) keeps every key's
 * last value itself, and asking etcd for them (prev_kv) made it read each one back from its backend
 * and send it again with every event, doubling what is sent and decoded.
 */
export type StoreEvent =
  | { type: 'put'; kv: DecodedKeyValue }
  | { type: 'delete'; key: string; modRevision: number };

export interface WatchCreate {
  key: Uint8Array;
  /** the end of the range (exclusive): for a prefix, the prefix with its last byte plus one */
  rangeEnd: Uint8Array;
  startRevision: number;
}

export interface WatchResponseMessage {
  /** header.revision: the store's revision when etcd sent this */
  headerRevision: number;
  created: boolean;
  canceled: boolean;
  /** set on a cancel because start_revision was compacted */
  compactRevision: number;
  cancelReason: string;
  events: StoreEvent[];
}

/** The end of the key range that holds exactly the keys starting with `prefix` (etcd's GetPrefixRangeEnd). */
export function prefixRangeEnd(prefix: Uint8Array): Uint8Array {
  const end = Uint8Array.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]! += 1;
      return end.subarray(0, i + 1);
    }
  }
  return Uint8Array.of(0); // every byte 0xff: to the end of the keyspace
}

/**
 * A WatchRequest { create_request (1) { key (1), range_end (2), start_revision (3) } }. `prefix`
 * bytes are left free at the start (5 for a gRPC frame header written by the caller).
 */
export function encodeWatchCreate(create: WatchCreate, prefix = 0): Buffer {
  const rev = checkRevision(create.startRevision);
  const body = lenField(create.key.length) + lenField(create.rangeEnd.length) + (rev > 0 ? 1 + varintSize(rev) : 0);
  const buf = Buffer.allocUnsafe(prefix + lenField(body));
  let pos = prefix;
  buf[pos++] = tag(1, LEN);
  pos = writeVarint(buf, pos, body);
  pos = writeBytes(buf, pos, 1, create.key);
  pos = writeBytes(buf, pos, 2, create.rangeEnd);
  if (rev > 0) {
    buf[pos++] = tag(3, VARINT);
    pos = writeVarint(buf, pos, rev);
  }
  if (pos !== buf.length) throw new Error(`etcd codec: wrote ${pos} of ${buf.length} bytes`);
  return buf;
}

/** mvccpb.Event: type = 1 (PUT 0, DELETE 1), kv = 2; prev_kv (3) is never asked for. */
function readEvent(r: Reader, end: number): StoreEvent {
  let type = 0;
  let kv: DecodedKeyValue | undefined;
  while (r.pos < end) {
    const t = readVarint(r);
    if (t === tag(1, VARINT)) type = readVarint(r);
    else if (t === tag(2, LEN)) {
      const kvEnd = lenEnd(r);
      kv = readKeyValue(r, kvEnd);
      r.pos = kvEnd;
    } else skip(r, t & 7);
  }
  if (!kv) malformed(r, 'an event without a kv');
  if (type === 1) return { type: 'delete', key: kv.key, modRevision: kv.modRevision };
  if (type !== 0) malformed(r, `event type ${type}`);
  return { type: 'put', kv };
}

/** WatchResponse: header = 1, created = 3, canceled = 4, compact_revision = 5, cancel_reason = 6, events = 11. */
export function decodeWatchResponse(buf: Buffer): WatchResponseMessage {
  const r: Reader = { buf, pos: 0, message: 'WatchResponse' };
  const out: WatchResponseMessage = { headerRevision: 0, created: false, canceled: false, compactRevision: 0, cancelReason: '', events: [] };
  while (r.pos < buf.length) {
    const t = readVarint(r);
    if (t === tag(11, LEN)) {
      const end = lenEnd(r);
      out.events.push(readEvent(r, end));
      r.pos = end;
    } else if (t === tag(1, LEN)) {
      const end = lenEnd(r);
      out.headerRevision = readHeaderRevision(r, end);
    } else if (t === tag(3, VARINT)) out.created = readVarint(r) !== 0;
    else if (t === tag(4, VARINT)) out.canceled = readVarint(r) !== 0;
    else if (t === tag(5, VARINT)) out.compactRevision = readVarint(r);
    else if (t === tag(6, LEN)) {
      const end = lenEnd(r);
      out.cancelReason = buf.toString('utf8', r.pos, end);
      r.pos = end;
    } else skip(r, t & 7);
  }
  if (r.pos !== buf.length) malformed(r, 'trailing bytes');
  return out;
}
