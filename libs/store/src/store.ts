/**
 * The storage layer: JSON values in etcd under string keys, with optimistic concurrency on
 * etcd revisions. It knows nothing of API semantics; the apiserver's registry does.
 *   - create: only if the key does not exist (compare CreateRevision == 0)
 *   - update/delete: only if the key's ModRevision still equals the one the caller read
 */
import { ConsecutiveBreaker, circuitBreaker, handleType, noop } from 'cockatiel';
import { ApiError } from '@tugboat/api';
import { Etcd3, GRPCResourceExhastedError, GRPCUnavailableError } from 'etcd3';
import type { IKeyValue } from 'etcd3';
import type { TxnRequestSpec } from './etcd-codec.js';
import { KvTxnClient } from './kv-txn.js';
import { KvWatchClient } from './kv-watch.js';

export interface StoredValue {
  key: string;
  value: string;
  modRevision: number;
  createRevision: number;
}

export type WriteResult = { ok: true; revision: number } | { ok: false; current: StoredValue | undefined };

export interface ListResult {
  items: StoredValue[];
  /** the store revision the list was read at: a list's resourceVersion */
  revision: number;
}

export interface StoreOptions {
  endpoints: string[];
  /** deadline for unary calls */
  callTimeoutMs?: number;
}

export function toStoredValue(kv: IKeyValue): StoredValue {
  return {
    key: kv.key.toString(),
    value: kv.value.toString(),
    modRevision: Number(kv.mod_revision),
    createRevision: Number(kv.create_revision),
  };
}

const GRPC_OPTIONS = {
  // channelz is gRPC's introspection service, which nothing here serves: skip its per-call books
  'grpc.enable_channelz': 0,
  // A list is one message (so is a watch catching up, 1,000 revisions of a few MB, but watches no
  // longer go through etcd3): gRPC's default 4 MiB cap failed them. kube-apiserver lifts the cap
  // the same way (MaxCallRecvMsgSize = MaxInt32).
  'grpc.max_receive_message_length': -1,
};

/**
 * etcd3's defaults retry every call up to three times and open a host's circuit for 5 s after three
 * failures of any kind. A write is a transaction: retried after a deadline it may already have
 * committed, and would come back as AlreadyExists or Conflict; and an overloaded etcd that misses
 * deadlines is not a dead one: the open circuit turned slowness into seconds of failing every call
 * (schedulers lost their leases). So: no retries here (clients retry, as with Kubernetes), and a
 * host's circuit opens only when it cannot be reached, which lets a cluster route around a member.
 */
const FAULT_HANDLING = {
  global: noop,
  host: () => circuitBreaker(handleType(GRPCUnavailableError), { halfOpenAfter: 1_000, breaker: new ConsecutiveBreaker(3) }),
};

/** etcd refuses a request over its --max-request-bytes (1.5 MiB by default): the client's 413, as in Kubernetes, not a 500. */
function tooLarge(err: unknown): never {
  if (err instanceof GRPCResourceExhastedError) throw new ApiError('RequestEntityTooLarge', `Request entity too large: etcdserver: request is too large (${err.message})`);
  throw err;
}

export class Store {
  /** everything but writes and prefix watches: reads, leases, elections, compaction */
  readonly etcd: Etcd3;
  /** prefix watches (watch.ts): etcd Watch streams over HTTP/2 without etcd3's and grpc-js's layers (kv-watch.ts) */
  readonly watches: KvWatchClient;
  /** writes: one KV.Txn each, over HTTP/2 without etcd3's and grpc-js's layers (kv-txn.ts) */
  private readonly kv: KvTxnClient;

  constructor(opts: StoreOptions) {
    const timeout = opts.callTimeoutMs ?? 10_000;
    this.etcd = new Etcd3({
      hosts: opts.endpoints,
      faultHandling: FAULT_HANDLING,
      dialTimeout: 5_000,
      grpcOptions: GRPC_OPTIONS,
      defaultCallOptions: (ctx) => (ctx.isStream ? {} : { deadline: Date.now() + timeout }),
    });
    this.kv = new KvTxnClient({ endpoints: opts.endpoints, callTimeoutMs: timeout, dialTimeoutMs: 5_000 });
    this.watches = new KvWatchClient({ endpoints: opts.endpoints, dialTimeoutMs: 5_000 });
  }

  async get(key: string): Promise<StoredValue | undefined> {
    const res = await this.etcd.get(key).exec();
    const kv = res.kvs[0];
    return kv ? toStoredValue(kv) : undefined;
  }

  /** The current store revision, read with the cheapest request etcd answers. */
  async currentRevision(): Promise<number> {
    const res = await this.etcd.get('\0').exec();
    return Number(res.header.revision);
  }

  async list(prefix: string, opts: { revision?: number } = {}): Promise<ListResult> {
    let q = this.etcd.getAll().prefix(prefix).sort('Key', 'Ascend');
    if (opts.revision !== undefined) q = q.revision(String(opts.revision)) as typeof q;
    const res = await q.exec();
    return { items: res.kvs.map(toStoredValue), revision: Number(res.header.revision) };
  }

  async count(prefix: string): Promise<number> {
    return this.etcd.getAll().prefix(prefix).count();
  }

  // Writes are one Txn each, encoded by hand (etcd-codec.ts) and sent by kv-txn.ts: etcd3's builder,
  // pool, object conversion and grpc-js cost several times the client CPU per write (bench/etcd-txn.ts).

  async create(key: string, value: string, lease?: string): Promise<WriteResult> {
    const k = Buffer.from(key);
    return this.txn({
      compare: [{ target: 'create', key: k, revision: 0 }],
      success: [{ type: 'put', key: k, value: Buffer.from(value), lease: lease || undefined }],
      failure: [{ type: 'range', key: k }],
    });
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<WriteResult> {
    const k = Buffer.from(key);
    return this.txn({
      compare: [{ target: 'mod', key: k, revision: expectedModRevision }],
      success: [{ type: 'put', key: k, value: Buffer.from(value) }],
      failure: [{ type: 'range', key: k }],
    });
  }

  async delete(key: string, expectedModRevision: number): Promise<WriteResult> {
    const k = Buffer.from(key);
    return this.txn({
      compare: [{ target: 'mod', key: k, revision: expectedModRevision }],
      success: [{ type: 'delete', key: k }],
      failure: [{ type: 'range', key: k }],
    });
  }

  async compact(revision: number): Promise<void> {
    await this.etcd.kv.compact({ revision: String(revision), physical: true });
  }

  close(): void {
    this.kv.close();
    this.watches.close();
    this.etcd.close();
  }

  /** `success` when the compare holds, else the `failure` read of the key: a lost race answers with what is there now. */
  private async txn(spec: TxnRequestSpec): Promise<WriteResult> {
    const res = await this.kv.txn(spec).catch(tooLarge);
    if (res.succeeded) return { ok: true, revision: res.revision };
    return { ok: false, current: res.rangeKv };
  }
}
