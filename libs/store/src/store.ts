/**
 * The storage layer: JSON values in etcd under string keys, with optimistic concurrency on
 * etcd revisions. It knows nothing of API semantics; the apiserver's registry does.
 *   - create: only if the key does not exist (compare CreateRevision == 0)
 *   - update/delete: only if the key's ModRevision still equals the one the caller read
 */
import { Etcd3 } from 'etcd3';
import type { IKeyValue } from 'etcd3';

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

export class Store {
  readonly etcd: Etcd3;

  constructor(opts: StoreOptions) {
    const timeout = opts.callTimeoutMs ?? 10_000;
    this.etcd = new Etcd3({
      hosts: opts.endpoints,
      dialTimeout: 5_000,
      defaultCallOptions: (ctx) => (ctx.isStream ? {} : { deadline: Date.now() + timeout }),
    });
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

  async create(key: string, value: string, lease?: string): Promise<WriteResult> {
    const put = this.etcd.put(key).value(value);
    if (lease) put.lease(lease);
    const res = await this.etcd.if(key, 'Create', '==', 0).then(put).else(this.etcd.get(key)).commit();
    return this.result(res);
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<WriteResult> {
    const res = await this.etcd
      .if(key, 'Mod', '==', expectedModRevision)
      .then(this.etcd.put(key).value(value))
      .else(this.etcd.get(key))
      .commit();
    return this.result(res);
  }

  async delete(key: string, expectedModRevision: number): Promise<WriteResult> {
    const res = await this.etcd
      .if(key, 'Mod', '==', expectedModRevision)
      .then(this.etcd.delete().key(key))
      .else(this.etcd.get(key))
      .commit();
    return this.result(res);
  }

  async compact(revision: number): Promise<void> {
    await this.etcd.kv.compact({ revision: String(revision), physical: true });
  }

  close(): void {
    this.etcd.close();
  }

  private result(res: Awaited<ReturnType<ReturnType<Etcd3['if']>['commit']>>): WriteResult {
    if (res.succeeded) return { ok: true, revision: Number(res.header.revision) };
    const kv = res.responses[0]?.response_range?.kvs[0];
    return { ok: false, current: kv ? toStoredValue(kv) : undefined };
  }
}
